import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { rebuildSongSearchIndex } from '../src/modules/songs/songs.repository.js';
import { unique, useTestApp } from './helpers/test-app.js';

/** The substring search index (song_search_grams) must never change what GET /songs answers. */
describe('song search index', () => {
  // Some songs here are written behind the API's back, so answers come straight from the database.
  const { t, admin } = useTestApp({ CATALOG_CACHE_MS: '0' });

  const ids = async (query: Record<string, string>) => {
    const res = await t
      .http()
      .get('/songs')
      .query({ limit: 200, ...query });
    assert.equal(res.status, 200);
    return res.body.data.songs.map((s: { id: string }) => s.id).sort() as string[];
  };

  test('a renamed song is found by its new title and no longer by the old one', async () => {
    const oldWord = unique('oldname');
    const newWord = unique('newname');
    const songId = await t.addSong(admin, { title: oldWord });
    const body = { title: newWord, year: 2000, genre: 'Pop', performer: 'P' };
    assert.equal((await t.http().put(`/songs/${songId}`).set(admin.auth).send(body)).status, 200);
    assert.deepEqual(await ids({ title: oldWord }), []);
    assert.deepEqual(await ids({ title: newWord }), [songId]);
  });

  test('a deleted song disappears from search', async () => {
    const word = unique('gone');
    const songId = await t.addSong(admin, { title: word });
    await t.http().delete(`/songs/${songId}`).set(admin.auth);
    assert.deepEqual(await ids({ title: word }), []);
  });

  test('terms shorter than three characters and performer-only searches still match', async () => {
    const performer = unique('Quartet ');
    const songId = await t.addSong(admin, { title: `Zq${unique('')}`, performer });
    assert.ok((await ids({ title: 'zq' })).includes(songId));
    assert.deepEqual(await ids({ performer: performer.slice(-7).toUpperCase() }), [songId]);
  });

  test('a term found in thousands of bulk-loaded songs pages 200 at a time and an exact title finds one', async () => {
    const word = unique('common');
    const now = Date.now();
    const rows = Array.from({ length: 2100 }, (_, i) => ({
      id: `song-${randomBytes(9).toString('base64url')}`,
      title: `${word} ${i}`,
      year: 2000,
      genre: 'Pop',
      performer: 'Bulk Loader',
      created_at: now,
    }));
    for (let i = 0; i < rows.length; i += 400) await t.db('songs').insert(rows.slice(i, i + 400));
    assert.ok((await rebuildSongSearchIndex(t.db)) >= rows.length);
    const first = await t.http().get('/songs').query({ title: word, limit: 200 });
    assert.equal(first.body.data.songs.length, 200);
    assert.ok(first.body.data.nextCursor);
    const exact = await ids({ title: `${word} 2099` });
    assert.deepEqual(exact, [rows[2099]?.id]);
  });

  test('songs loaded behind the API are searchable after rebuildSongSearchIndex', async () => {
    const word = unique('bulk');
    const id = `song-${randomBytes(9).toString('base64url')}`;
    await t
      .db('songs')
      .insert({ id, title: word, year: 2000, genre: 'Pop', performer: 'P', created_at: Date.now() });
    assert.deepEqual(await ids({ title: word }), []); // not indexed yet: the index decides "no such piece"
    await rebuildSongSearchIndex(t.db);
    assert.deepEqual(await ids({ title: word }), [id]);
  });
});
