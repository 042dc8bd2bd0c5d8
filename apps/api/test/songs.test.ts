import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unique, useTestApp } from './helpers/test-app.js';

describe('songs', () => {
  const { t, admin } = useTestApp();

  const search = async (query: Record<string, string | number>) => {
    const res = await t.http().get('/songs').query(query);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data as {
      songs: { id: string; title: string; performer: string }[];
      nextCursor: string | null;
    };
  };

  test('POST /songs → 201 song- id; GET /songs/:id returns every field', async () => {
    const albumId = await t.addAlbum(admin, { name: 'Nevermind', year: 1991 });
    const fields = {
      title: 'Lithium',
      year: 1991,
      genre: 'Grunge',
      performer: 'Nirvana',
      duration: 257,
      albumId,
    };
    const songId = await t.addSong(admin, fields);
    assert.match(songId, /^song-/);
    const res = await t.http().get(`/songs/${songId}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data.song, { id: songId, ...fields });
  });

  test('POST /songs without the optional duration and albumId → both null', async () => {
    const songId = await t.addSong(admin);
    const { song } = (await t.http().get(`/songs/${songId}`)).body.data;
    assert.equal(song.duration, null);
    assert.equal(song.albumId, null);
  });

  test('POST /songs with an unknown albumId → 404 naming the album', async () => {
    const res = await t
      .http()
      .post('/songs')
      .set(admin.auth)
      .send({ title: 'X', year: 2000, genre: 'Pop', performer: 'Y', albumId: 'album-missing' });
    assert.equal(res.status, 404);
    assert.match(res.body.message, /album-missing/);
  });

  test('GET /songs?title= is a case-insensitive substring match with exactly id, title, performer', async () => {
    const marker = unique('zq');
    const a = await t.addSong(admin, { title: `Intro ${marker.toUpperCase()} Outro` });
    const b = await t.addSong(admin, { title: `${marker}` });
    await t.addSong(admin, { title: unique('unrelated ') });
    const { songs } = await search({ title: marker });
    assert.deepEqual(songs.map((s) => s.id).sort(), [a, b].sort());
    for (const song of songs) assert.deepEqual(Object.keys(song).sort(), ['id', 'performer', 'title']);
  });

  test('GET /songs?title=&performer= combines both filters', async () => {
    const marker = unique('combo');
    const performer = unique('Artist ');
    const both = await t.addSong(admin, { title: `${marker} one`, performer });
    await t.addSong(admin, { title: `${marker} two`, performer: unique('Other ') });
    await t.addSong(admin, { title: unique('different '), performer });
    const { songs } = await search({ title: marker, performer: performer.toLowerCase() });
    assert.deepEqual(
      songs.map((s) => s.id),
      [both],
    );
    assert.equal((await search({ performer })).songs.length, 2);
  });

  test('GET /songs?title= treats % and _ literally', async () => {
    const marker = unique('pct');
    const literal = await t.addSong(admin, { title: `${marker} 100% pure_gold` });
    await t.addSong(admin, { title: `${marker} 100 percent puregold` });
    assert.deepEqual(
      (await search({ title: `${marker} 100%` })).songs.map((s) => s.id),
      [literal],
    );
    assert.deepEqual(
      (await search({ title: 'pure_gold', performer: '' })).songs.map((s) => s.id),
      [literal],
    );
  });

  test('GET /songs pages through every match once, in title order, with an opaque cursor', async () => {
    const marker = unique('page');
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++)
      ids.add(await t.addSong(admin, { title: `${marker} ${String.fromCharCode(103 - i)}` }));
    const titles: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search({ title: marker, limit: 3, ...(cursor ? { cursor } : {}) });
      assert.ok(page.songs.length <= 3);
      for (const song of page.songs) {
        assert.ok(ids.delete(song.id), `unexpected or repeated ${song.id}`);
        titles.push(song.title);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(ids.size, 0);
    assert.equal(pages, 3);
    assert.deepEqual(titles, [...titles].sort());
  });

  test('GET /songs with a search that matches nothing → empty list, no cursor', async () => {
    assert.deepEqual(await search({ title: unique('nothing-matches-') }), { songs: [], nextCursor: null });
  });

  test('GET /songs with bad query values → 400', async () => {
    for (const query of [
      'limit=0',
      'limit=500',
      'limit=x',
      'cursor=%%%',
      `title=${'x'.repeat(201)}`,
      'title=a&title=b',
    ]) {
      const res = await t.http().get(`/songs?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.status, 'fail');
    }
  });

  test('PUT /songs/:id replaces the song; unknown id → 404; unknown album → 404', async () => {
    const songId = await t.addSong(admin);
    const body = { title: 'New Title', year: 1999, genre: 'Jazz', performer: 'New Performer', duration: 60 };
    assert.equal((await t.http().put(`/songs/${songId}`).set(admin.auth).send(body)).status, 200);
    const { song } = (await t.http().get(`/songs/${songId}`)).body.data;
    assert.equal(song.title, 'New Title');
    assert.equal(song.duration, 60);
    assert.equal((await t.http().put('/songs/song-nope').set(admin.auth).send(body)).status, 404);
    const badAlbum = await t
      .http()
      .put(`/songs/${songId}`)
      .set(admin.auth)
      .send({ ...body, albumId: 'album-nope' });
    assert.equal(badAlbum.status, 404);
  });

  test('DELETE /songs/:id → 200 then GET → 404 and DELETE again → 404', async () => {
    const songId = await t.addSong(admin);
    assert.equal((await t.http().delete(`/songs/${songId}`).set(admin.auth)).status, 200);
    assert.equal((await t.http().get(`/songs/${songId}`)).status, 404);
    assert.equal((await t.http().delete(`/songs/${songId}`).set(admin.auth)).status, 404);
  });

  test('POST /songs with bad payloads → 400 naming the field', async () => {
    const good = { title: 'T', year: 2000, genre: 'G', performer: 'P' };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...good, title: undefined }, /title/],
      [{ ...good, year: 'nineteen' }, /year/],
      [{ ...good, genre: 5 }, /genre/],
      [{ ...good, performer: '' }, /performer/],
      [{ ...good, duration: -1 }, /duration/],
      [{ ...good, duration: '3:00' }, /duration/],
      [{ ...good, albumId: 7 }, /albumId/],
      [{ ...good, lyrics: 'la la' }, /lyrics/],
    ];
    for (const [body, message] of cases) {
      const res = await t.http().post('/songs').set(admin.auth).send(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(res.body.message, message);
    }
  });

  test('song writes by a non-admin → 403, without a token → 401', async () => {
    const listener = await t.user();
    const songId = await t.addSong(admin);
    const body = { title: 'T', year: 2000, genre: 'G', performer: 'P' };
    assert.equal((await t.http().post('/songs').set(listener.auth).send(body)).status, 403);
    assert.equal((await t.http().put(`/songs/${songId}`).set(listener.auth).send(body)).status, 403);
    assert.equal((await t.http().delete(`/songs/${songId}`).set(listener.auth)).status, 403);
    assert.equal((await t.http().post('/songs').send(body)).status, 401);
  });
});
