import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type TestUser, unique, useTestApp } from './helpers/test-app.js';

describe('collaborations', () => {
  const { t, admin } = useTestApp();

  const collaborate = (actor: TestUser, playlistId: string, userId: string) =>
    t.http().post('/collaborations').set(actor.auth).send({ playlistId, userId });

  const uncollaborate = (actor: TestUser, playlistId: string, userId: string) =>
    t.http().delete('/collaborations').set(actor.auth).send({ playlistId, userId });

  /** An owner, a collaborator on the owner's new playlist, and that playlist. */
  const sharedPlaylist = async (name?: string) => {
    const [owner, collaborator] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner, name);
    const res = await collaborate(owner, playlistId, collaborator.userId);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { owner, collaborator, playlistId };
  };

  const playlistIdsOf = async (user: TestUser) => {
    const res = await t.http().get('/playlists').set(user.auth).query({ limit: 200 });
    assert.equal(res.status, 200);
    return res.body.data.playlists.map((p: { id: string }) => p.id) as string[];
  };

  test('POST /collaborations by the owner → 201 success with a collab- id', async () => {
    const [owner, friend] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    const res = await collaborate(owner, playlistId, friend.userId);
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'success');
    assert.match(res.body.data.collaborationId, /^collab-/);
  });

  test('a collaborator sees the playlist in GET /playlists with the owner’s username', async () => {
    const name = unique('Visible ');
    const { owner, collaborator, playlistId } = await sharedPlaylist(name);
    const res = await t.http().get('/playlists').set(collaborator.auth);
    assert.deepEqual(res.body.data.playlists, [{ id: playlistId, name, username: owner.username }]);
  });

  test('a collaborator may add, list and remove songs → 201/200/200', async () => {
    const { owner, collaborator, playlistId } = await sharedPlaylist();
    const [first, second] = [await t.addSong(admin), await t.addSong(admin)];
    const songs = `/playlists/${playlistId}/songs`;
    assert.equal((await t.http().post(songs).set(owner.auth).send({ songId: first })).status, 201);
    assert.equal((await t.http().post(songs).set(collaborator.auth).send({ songId: second })).status, 201);
    const listed = await t.http().get(songs).set(collaborator.auth);
    assert.equal(listed.status, 200);
    assert.equal(listed.body.data.playlist.username, owner.username);
    assert.deepEqual(
      listed.body.data.playlist.songs.map((s: { id: string }) => s.id),
      [first, second],
    );
    assert.equal((await t.http().delete(songs).set(collaborator.auth).send({ songId: first })).status, 200);
    const after = await t.http().get(songs).set(owner.auth);
    assert.deepEqual(
      after.body.data.playlist.songs.map((s: { id: string }) => s.id),
      [second],
    );
  });

  test('a collaborator deleting the playlist → 403 fail; it stays', async () => {
    const { owner, collaborator, playlistId } = await sharedPlaylist();
    const res = await t.http().delete(`/playlists/${playlistId}`).set(collaborator.auth);
    assert.equal(res.status, 403);
    assert.equal(res.body.status, 'fail');
    assert.ok((await playlistIdsOf(owner)).includes(playlistId));
  });

  test('POST/DELETE /collaborations by a collaborator or a stranger → 403 fail', async () => {
    const { owner, collaborator, playlistId } = await sharedPlaylist();
    const [stranger, third] = [await t.user(), await t.user()];
    for (const actor of [collaborator, stranger]) {
      for (const res of [
        await collaborate(actor, playlistId, third.userId),
        await collaborate(actor, playlistId, actor.userId),
        await uncollaborate(actor, playlistId, collaborator.userId),
      ]) {
        assert.equal(res.status, 403);
        assert.equal(res.body.status, 'fail');
      }
    }
    assert.deepEqual(await playlistIdsOf(third), []);
    assert.deepEqual(await playlistIdsOf(stranger), []);
    assert.deepEqual(await playlistIdsOf(collaborator), [playlistId]);
    assert.equal((await t.http().get(`/playlists/${playlistId}/songs`).set(owner.auth)).status, 200);
  });

  test('POST /collaborations: unknown playlist → 404, unknown user → 404, owner themself → 400, twice → 409', async () => {
    const { owner, collaborator, playlistId } = await sharedPlaylist();
    const noPlaylist = await collaborate(owner, 'playlist-doesnotexist', collaborator.userId);
    assert.equal(noPlaylist.status, 404);
    assert.match(noPlaylist.body.message, /playlist-doesnotexist/);
    const noUser = await collaborate(owner, playlistId, 'user-doesnotexist');
    assert.equal(noUser.status, 404);
    assert.match(noUser.body.message, /user-doesnotexist/);
    const self = await collaborate(owner, playlistId, owner.userId);
    assert.equal(self.status, 400);
    assert.equal(self.body.status, 'fail');
    const twice = await collaborate(owner, playlistId, collaborator.userId);
    assert.equal(twice.status, 409);
    assert.equal(twice.body.status, 'fail');
    for (const res of [noPlaylist, noUser]) assert.equal(res.body.status, 'fail');
  });

  test('the same collaborator added twice at once → one 201 and one 409', async () => {
    const [owner, friend] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    const results = await Promise.all([1, 2].map(() => collaborate(owner, playlistId, friend.userId)));
    assert.deepEqual(results.map((res) => res.status).sort(), [201, 409]);
    assert.deepEqual(await playlistIdsOf(friend), [playlistId]);
  });

  test('DELETE /collaborations → 200; the former collaborator gets 403 and no longer sees it', async () => {
    const { owner, collaborator, playlistId } = await sharedPlaylist();
    const songId = await t.addSong(admin);
    const res = await uncollaborate(owner, playlistId, collaborator.userId);
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'success');
    assert.deepEqual(await playlistIdsOf(collaborator), []);
    const songs = `/playlists/${playlistId}/songs`;
    assert.equal((await t.http().get(songs).set(collaborator.auth)).status, 403);
    assert.equal((await t.http().post(songs).set(collaborator.auth).send({ songId })).status, 403);
    assert.equal(
      (await t.http().get(`/playlists/${playlistId}/activities`).set(collaborator.auth)).status,
      403,
    );
    assert.equal((await uncollaborate(owner, playlistId, collaborator.userId)).status, 404);
    assert.equal((await collaborate(owner, playlistId, collaborator.userId)).status, 201, 'can be re-added');
  });

  test('DELETE /collaborations: not a collaborator → 404, unknown playlist → 404, unknown user → 404', async () => {
    const [owner, stranger] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    for (const [pid, uid] of [
      [playlistId, stranger.userId],
      ['playlist-doesnotexist', stranger.userId],
      [playlistId, 'user-doesnotexist'],
    ] as const) {
      const res = await uncollaborate(owner, pid, uid);
      assert.equal(res.status, 404, `${pid} ${uid}`);
      assert.equal(res.body.status, 'fail');
    }
  });

  test('deleting a shared playlist removes it from the collaborator’s list', async () => {
    const { owner, collaborator, playlistId } = await sharedPlaylist();
    assert.equal((await t.http().delete(`/playlists/${playlistId}`).set(owner.auth)).status, 200);
    assert.deepEqual(await playlistIdsOf(collaborator), []);
  });

  test('POST and DELETE /collaborations with bad payloads → 400 fail naming the field', async () => {
    const [owner, friend] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    const cases: [unknown, RegExp][] = [
      [{ userId: friend.userId }, /playlistId/],
      [{ playlistId }, /userId/],
      [{ playlistId: '', userId: friend.userId }, /playlistId/],
      [{ playlistId, userId: 12 }, /userId/],
      [{ playlistId, userId: friend.userId, role: 'editor' }, /role/],
      [[playlistId, friend.userId], /JSON object/],
      ['{"playlistId"', /JSON/],
    ];
    for (const method of ['post', 'delete'] as const) {
      for (const [body, message] of cases) {
        const req = t
          .http()
          [method]('/collaborations')
          .set(owner.auth)
          .set('Content-Type', 'application/json');
        const res = await req.send(body as object);
        assert.equal(res.status, 400, `${method} ${JSON.stringify(body)}`);
        assert.equal(res.body.status, 'fail');
        assert.match(res.body.message, message);
      }
    }
    assert.deepEqual(await playlistIdsOf(friend), []);
  });

  test('POST and DELETE /collaborations without a token → 401 fail', async () => {
    const [owner, friend] = [await t.user(), await t.user()];
    const body = { playlistId: await t.addPlaylist(owner), userId: friend.userId };
    for (const res of [
      await t.http().post('/collaborations').send(body),
      await t.http().delete('/collaborations').send(body),
    ]) {
      assert.equal(res.status, 401);
      assert.equal(res.body.status, 'fail');
    }
    assert.deepEqual(await playlistIdsOf(friend), []);
  });
});
