import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type TestUser, unique, useTestApp } from './helpers/test-app.js';

describe('playlist activities', () => {
  /** The app's clock: each playlist action below moves it one second, so every activity has a known time. */
  let now = Date.parse('2024-03-01T12:00:00.000Z');
  const { t, admin } = useTestApp({}, () => now);

  const tick = () => {
    now += 1000;
    return new Date(now).toISOString();
  };

  const collaborate = async (owner: TestUser, playlistId: string, user: TestUser) => {
    const res = await t
      .http()
      .post('/collaborations')
      .set(owner.auth)
      .send({ playlistId, userId: user.userId });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  };

  /** Adds or removes a song, expecting `status`; returns the time the app saw. */
  const changeSong = async (
    action: 'add' | 'delete',
    user: TestUser,
    playlistId: string,
    songId: string,
    status = action === 'add' ? 201 : 200,
  ) => {
    const time = tick();
    const req =
      action === 'add'
        ? t.http().post(`/playlists/${playlistId}/songs`)
        : t.http().delete(`/playlists/${playlistId}/songs`);
    const res = await req.set(user.auth).send({ songId });
    assert.equal(res.status, status, JSON.stringify(res.body));
    return time;
  };

  const activitiesOf = (user: TestUser, playlistId: string) =>
    t.http().get(`/playlists/${playlistId}/activities`).set(user.auth);

  const activities = async (user: TestUser, playlistId: string) => {
    const res = await activitiesOf(user, playlistId);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'success');
    assert.equal(res.body.data.playlistId, playlistId);
    return res.body.data.activities as { username: string; title: string; action: string; time: string }[];
  };

  test('GET /playlists/:id/activities of a new playlist → {playlistId, activities: [], nextCursor: null}', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const res = await activitiesOf(owner, playlistId);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data, { playlistId, activities: [], nextCursor: null });
  });

  test('a long log comes a page at a time, in order, every entry once; a bad cursor or limit → 400', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const songId = await t.addSong(admin, { title: unique('Paged ') });
    const times: string[] = [];
    for (let i = 0; i < 5; i++)
      times.push(await changeSong(i % 2 === 0 ? 'add' : 'delete', owner, playlistId, songId));
    const seen: string[] = [];
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const res: {
        status: number;
        body: { data: { activities: { time: string }[]; nextCursor: string | null } };
      } = await t
        .http()
        .get(`/playlists/${playlistId}/activities`)
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(owner.auth);
      assert.equal(res.status, 200);
      pages.push(res.body.data.activities.length);
      seen.push(...res.body.data.activities.map((a) => a.time));
      cursor = res.body.data.nextCursor;
    } while (cursor);
    assert.deepEqual(pages, [2, 2, 1]);
    assert.deepEqual(seen, times);
    for (const query of ['cursor=garbage', 'limit=0', 'limit=1000']) {
      const res = await t.http().get(`/playlists/${playlistId}/activities?${query}`).set(owner.auth);
      assert.equal(res.status, 400, query);
    }
  });

  test('adds and removes by owner and collaborator → each logged with who, title, action and ISO time, in order', async () => {
    const [owner, collaborator] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    await collaborate(owner, playlistId, collaborator);
    const [a, b] = [unique('First '), unique('Second ')];
    const [songA, songB] = [await t.addSong(admin, { title: a }), await t.addSong(admin, { title: b })];
    const t1 = await changeSong('add', owner, playlistId, songA);
    const t2 = await changeSong('add', collaborator, playlistId, songB);
    const t3 = await changeSong('delete', collaborator, playlistId, songA);
    const t4 = await changeSong('delete', owner, playlistId, songB);
    const t5 = await changeSong('add', collaborator, playlistId, songA);
    const expected = [
      { username: owner.username, title: a, action: 'add', time: t1 },
      { username: collaborator.username, title: b, action: 'add', time: t2 },
      { username: collaborator.username, title: a, action: 'delete', time: t3 },
      { username: owner.username, title: b, action: 'delete', time: t4 },
      { username: collaborator.username, title: a, action: 'add', time: t5 },
    ];
    assert.deepEqual(await activities(owner, playlistId), expected);
    assert.deepEqual(await activities(collaborator, playlistId), expected, 'collaborators read the same log');
    for (const { time } of expected) assert.match(time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  test('deleting the song from the catalogue → its activities keep the title', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const title = unique('Gone ');
    const songId = await t.addSong(admin, { title });
    const added = await changeSong('add', owner, playlistId, songId);
    assert.equal((await t.http().delete(`/songs/${songId}`).set(admin.auth)).status, 200);
    assert.deepEqual(await activities(owner, playlistId), [
      { username: owner.username, title, action: 'add', time: added },
    ]);
  });

  test('renaming a song → earlier activities keep the title as it was', async () => {
    const owner = await t.user();
    const playlistId = await t.addPlaylist(owner);
    const [before, renamed] = [unique('Before '), unique('After ')];
    const songId = await t.addSong(admin, { title: before, genre: 'Indie', performer: 'Someone' });
    const added = await changeSong('add', owner, playlistId, songId);
    const song = { title: renamed, year: 2010, genre: 'Indie', performer: 'Someone' };
    assert.equal((await t.http().put(`/songs/${songId}`).set(admin.auth).send(song)).status, 200);
    const removed = await changeSong('delete', owner, playlistId, songId);
    assert.deepEqual(
      (await activities(owner, playlistId)).map(({ title, time }) => ({ title, time })),
      [
        { title: before, time: added },
        { title: renamed, time: removed },
      ],
    );
  });

  test('rejected changes (duplicate add, removing an absent song, unknown song, stranger) → nothing logged', async () => {
    const [owner, stranger] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    const [songId, other] = [await t.addSong(admin), await t.addSong(admin)];
    const added = await changeSong('add', owner, playlistId, songId);
    await changeSong('add', owner, playlistId, songId, 409);
    await changeSong('delete', owner, playlistId, other, 404);
    await changeSong('add', owner, playlistId, 'song-doesnotexist', 404);
    await changeSong('add', stranger, playlistId, other, 403);
    await changeSong('delete', stranger, playlistId, songId, 403);
    const log = await activities(owner, playlistId);
    assert.equal(log.length, 1);
    assert.equal(log[0]?.time, added);
  });

  test('the same song added twice at once → one 201 and one 409; logged once', async () => {
    const [owner, collaborator] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    await collaborate(owner, playlistId, collaborator);
    const songId = await t.addSong(admin);
    const url = `/playlists/${playlistId}/songs`;
    const results = await Promise.all(
      [owner, collaborator].map((user) => t.http().post(url).set(user.auth).send({ songId })),
    );
    assert.deepEqual(results.map((res) => res.status).sort(), [201, 409]);
    assert.equal((await activities(owner, playlistId)).length, 1);
  });

  test('a removed collaborator → 403 on the log, which still names them for what they did', async () => {
    const [owner, collaborator] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    await collaborate(owner, playlistId, collaborator);
    await changeSong('add', collaborator, playlistId, await t.addSong(admin));
    const removal = await t
      .http()
      .delete('/collaborations')
      .set(owner.auth)
      .send({ playlistId, userId: collaborator.userId });
    assert.equal(removal.status, 200);
    assert.equal((await activitiesOf(collaborator, playlistId)).status, 403);
    assert.deepEqual(
      (await activities(owner, playlistId)).map((a) => a.username),
      [collaborator.username],
    );
  });

  test('GET /playlists/:id/activities: stranger → 403, unknown playlist → 404, no token → 401, all fail', async () => {
    const [owner, stranger] = [await t.user(), await t.user()];
    const playlistId = await t.addPlaylist(owner);
    const cases: [Promise<{ status: number; body: { status: string } }>, number][] = [
      [activitiesOf(stranger, playlistId), 403],
      [activitiesOf(owner, 'playlist-doesnotexist'), 404],
      [t.http().get(`/playlists/${playlistId}/activities`), 401],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      assert.equal(res.status, status);
      assert.equal(res.body.status, 'fail');
    }
  });
});
