import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectFail, type TestUser, unique, useTestApp } from './helpers/test-app.js';

describe('playlists', () => {
  const { t, admin } = useTestApp();

  const addSong = (user: TestUser, playlistId: string, songId: string) =>
    t.http().post(`/playlists/${playlistId}/songs`).set(user.auth).send({ songId });

  const removeSong = (user: TestUser, playlistId: string, songId: string) =>
    t.http().delete(`/playlists/${playlistId}/songs`).set(user.auth).send({ songId });

  const songsOf = (user: TestUser, playlistId: string) =>
    t.http().get(`/playlists/${playlistId}/songs`).set(user.auth);

  const list = (user: TestUser, query: Record<string, string | number> = {}) =>
    t.http().get('/playlists').set(user.auth).query(query);

  const songIdsOf = async (user: TestUser, playlistId: string) => {
    const res = await songsOf(user, playlistId);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data.playlist.songs.map((s: { id: string }) => s.id) as string[];
  };

  test('POST /playlists → 201 success with a playlist- id', async () => {
    const owner = await t.user();
    const res = await t.http().post('/playlists').set(owner.auth).send({ name: 'Road trip' });
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'success');
    assert.match(res.body.data.playlistId, /^playlist-/);
  });

  test('GET /playlists → only my own and collaborating playlists as {id, name, owner username}; none → []', async () => {
    const [me, friend, stranger] = [await t.user(), await t.user(), await t.user()];
    const mine = await t.addPlaylist(me, 'a mine');
    const shared = await t.addPlaylist(friend, 'b shared');
    await t.addPlaylist(stranger, 'c not mine');
    const collab = { playlistId: shared, userId: me.userId };
    assert.equal((await t.http().post('/collaborations').set(friend.auth).send(collab)).status, 201);
    const res = await list(me);
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'success');
    assert.deepEqual(res.body.data, {
      playlists: [
        { id: mine, name: 'a mine', username: me.username },
        { id: shared, name: 'b shared', username: friend.username },
      ],
      nextCursor: null,
    });
    assert.deepEqual((await list(await t.user())).body.data, { playlists: [], nextCursor: null });
  });

  test('GET /playlists pages by (name, id) with an opaque cursor; every playlist appears once', async () => {
    const owner = await t.user();
    const created = [];
    for (const name of ['c', 'a', 'b', 'a', 'd']) created.push(await t.addPlaylist(owner, name));
    const seen: { id: string; name: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(owner, { limit: 2, ...(cursor ? { cursor } : {}) });
      assert.equal(res.status, 200);
      assert.ok(res.body.data.playlists.length <= 2);
      seen.push(...res.body.data.playlists);
      cursor = res.body.data.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.equal(seen.map((p) => p.name).join(), 'a,a,b,c,d');
    assert.deepEqual(seen.map((p) => p.id).sort(), created.sort());
    const onePage = await list(owner, { limit: 200 });
    assert.deepEqual(seen, onePage.body.data.playlists, 'paging keeps the one-page (name, id) order');
  });

  test('GET /playlists with a bad cursor or limit → 400 fail', async () => {
    const owner = await t.user();
    const albumsCursor = Buffer.from(JSON.stringify(['albums', 'a', 'b'])).toString('base64url');
    for (const query of ['cursor=garbage', `cursor=${albumsCursor}`, 'limit=0', 'limit=201', 'limit=abc']) {
      expectFail(await t.http().get(`/playlists?${query}`).set(owner.auth), 400, /cursor|limit/);
    }
  });

  test('DELETE /playlists/:id: stranger → 403; owner → 200, then gone (list, songs, delete → 404)', async () => {
    const [owner, stranger] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    assert.equal((await addSong(owner, playlistId, await t.addSong(admin))).status, 201);
    expectFail(await t.http().delete(`/playlists/${playlistId}`).set(stranger.auth), 403);
    assert.equal((await songsOf(owner, playlistId)).status, 200);
    const res = await t.http().delete(`/playlists/${playlistId}`).set(owner.auth);
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'success');
    assert.deepEqual((await list(owner)).body.data.playlists, []);
    assert.equal((await songsOf(owner, playlistId)).status, 404);
    expectFail(await t.http().delete(`/playlists/${playlistId}`).set(owner.auth), 404);
    const missing = await t.http().delete('/playlists/playlist-doesnotexist').set(owner.auth);
    expectFail(missing, 404, /playlist-doesnotexist/);
  });

  test('POST then GET /playlists/:id/songs → 201; the playlist lists its songs in the order added', async () => {
    const owner = await t.user();
    const name = unique('Ordered ');
    const playlistId = await t.addPlaylist(owner, name);
    assert.deepEqual(await songIdsOf(owner, playlistId), []);
    const titles = ['Zebra', 'Apple', 'Mango'];
    const songIds: string[] = [];
    for (const title of titles) {
      songIds.push(await t.addSong(admin, { title, performer: 'Someone' }));
      const res = await addSong(owner, playlistId, songIds.at(-1) as string);
      assert.deepEqual([res.status, res.body.status], [201, 'success']);
    }
    const res = await songsOf(owner, playlistId);
    assert.deepEqual(res.body.data.playlist, {
      id: playlistId,
      name,
      username: owner.username,
      songs: titles.map((title, i) => ({ id: songIds[i], title, performer: 'Someone' })),
    });
  });

  test('POST /playlists/:id/songs: same song twice → 409, unknown song → 404, unknown playlist → 404', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const songId = await t.addSong(admin);
    assert.equal((await addSong(owner, playlistId, songId)).status, 201);
    expectFail(await addSong(owner, playlistId, songId), 409);
    expectFail(await addSong(owner, playlistId, 'song-doesnotexist'), 404, /song-doesnotexist/);
    expectFail(await addSong(owner, 'playlist-doesnotexist', songId), 404, /playlist-doesnotexist/);
    assert.deepEqual(await songIdsOf(owner, playlistId), [songId]);
  });

  test('a stranger adding, listing or removing songs → 403, unchanged; listing an unknown playlist → 404', async () => {
    const [owner, stranger] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    const songId = await t.addSong(admin);
    assert.equal((await addSong(owner, playlistId, songId)).status, 201);
    expectFail(await addSong(stranger, playlistId, await t.addSong(admin)), 403);
    expectFail(await songsOf(stranger, playlistId), 403);
    expectFail(await removeSong(stranger, playlistId, songId), 403);
    assert.deepEqual(await songIdsOf(owner, playlistId), [songId]);
    expectFail(await songsOf(owner, 'playlist-doesnotexist'), 404, /playlist-doesnotexist/);
  });

  test('DELETE /playlists/:id/songs → 200 and the song is gone; again or never added → 404; re-adding → last', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const [kept, removed, never] = [await t.addSong(admin), await t.addSong(admin), await t.addSong(admin)];
    for (const songId of [kept, removed])
      assert.equal((await addSong(owner, playlistId, songId)).status, 201);
    const res = await removeSong(owner, playlistId, removed);
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'success');
    assert.deepEqual(await songIdsOf(owner, playlistId), [kept]);
    expectFail(await removeSong(owner, playlistId, removed), 404);
    expectFail(await removeSong(owner, playlistId, never), 404);
    expectFail(await removeSong(owner, 'playlist-doesnotexist', kept), 404);
    assert.equal((await addSong(owner, playlistId, removed)).status, 201);
    assert.deepEqual(await songIdsOf(owner, playlistId), [kept, removed], 're-added songs go last');
  });

  /** Sends each body as JSON and expects a 400 fail whose message matches. */
  const expectBadPayloads = async (
    user: TestUser,
    method: 'post' | 'delete',
    url: string,
    cases: [unknown, RegExp][],
  ) => {
    for (const [body, message] of cases) {
      const req = t.http()[method](url).set(user.auth).set('Content-Type', 'application/json');
      expectFail(await req.send(body as object), 400, message);
    }
  };

  test('POST /playlists with bad payloads → 400 fail naming the field; nothing is created', async () => {
    const owner = await t.user();
    await expectBadPayloads(owner, 'post', '/playlists', [
      [{}, /name/],
      [{ name: '' }, /name/],
      [{ name: '   ' }, /name/],
      [{ name: 42 }, /name/],
      [{ name: 'x'.repeat(201) }, /name/],
      [{ name: 'X', extra: true }, /extra/],
      [['X'], /JSON object/],
      ['{"name": ', /JSON/],
    ]);
    assert.deepEqual((await list(owner)).body.data.playlists, []);
  });

  test('POST and DELETE /playlists/:id/songs with bad payloads → 400 fail naming the field', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const cases: [unknown, RegExp][] = [
      [{}, /songId/],
      [{ songId: '' }, /songId/],
      [{ songId: 7 }, /songId/],
      [{ songId: 'song-x', extra: 1 }, /extra/],
      ['not json', /JSON/],
    ];
    await expectBadPayloads(owner, 'post', `/playlists/${playlistId}/songs`, cases);
    await expectBadPayloads(owner, 'delete', `/playlists/${playlistId}/songs`, cases);
  });

  test('every playlist route without a token → 401 fail', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const songId = await t.addSong(admin);
    const requests = [
      t.http().post('/playlists').send({ name: 'X' }),
      t.http().get('/playlists'),
      t.http().delete(`/playlists/${playlistId}`),
      t.http().post(`/playlists/${playlistId}/songs`).send({ songId }),
      t.http().get(`/playlists/${playlistId}/songs`),
      t.http().delete(`/playlists/${playlistId}/songs`).send({ songId }),
      t.http().get(`/playlists/${playlistId}/activities`),
    ];
    for (const req of requests) expectFail(await req, 401);
    assert.equal((await songsOf(owner, playlistId)).status, 200);
  });

  test('deleting a song from the catalogue removes it from the playlists that held it', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const songId = await t.addSong(admin);
    assert.equal((await addSong(owner, playlistId, songId)).status, 201);
    assert.equal((await t.http().delete(`/songs/${songId}`).set(admin.auth)).status, 200);
    assert.deepEqual(await songIdsOf(owner, playlistId), []);
  });
});
