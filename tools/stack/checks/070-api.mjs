import { randomBytes } from 'node:crypto';

/** Account, catalogue and playlist calls; the user's token and the song, for the reservation calls. */
async function catalogue(ctx, username, expect, problems) {
  const { call } = ctx;
  const password = 'smoke-password-1';
  expect(
    'POST /users',
    await call('POST', '/users', { body: { username, password, fullname: 'Smoke' } }),
    201,
  );
  const login = await call('POST', '/authentications', { body: { username, password } });
  expect('POST /authentications', login, 201);
  const token = login.body?.data?.accessToken;
  const refreshToken = login.body?.data?.refreshToken;
  expect('PUT /authentications', await call('PUT', '/authentications', { body: { refreshToken } }), 200);
  const album = await call('POST', '/albums', {
    token: ctx.admin,
    body: { name: 'Smoke Album', year: 2026 },
  });
  expect('POST /albums', album, 201);
  const song = await call('POST', '/songs', {
    token: ctx.admin,
    body: {
      title: `Smoke Song ${username}`,
      year: 2026,
      genre: 'Pop',
      performer: 'Smoke',
      albumId: album.body?.data?.albumId,
    },
  });
  expect('POST /songs', song, 201);
  const found = await call('GET', `/songs?title=${encodeURIComponent(username.toUpperCase())}`);
  if (found.body?.data?.songs?.length !== 1)
    problems.push(`song search found ${found.body?.data?.songs?.length}`);
  const playlist = await call('POST', '/playlists', { token, body: { name: 'Smoke list' } });
  expect('POST /playlists', playlist, 201);
  const added = await call('POST', `/playlists/${playlist.body?.data?.playlistId}/songs`, {
    token,
    body: { songId: song.body?.data?.songId },
  });
  expect('POST /playlists/:id/songs', added, 201);
  return token;
}

/** The reservation contract: booked, replayed by its idempotency key, over capacity, cancelled. */
async function reservations(ctx, username, token, expect, problems) {
  const { call } = ctx;
  const showId = await ctx.createShow({ title: 'Smoke show', capacity: 10 });
  const headers = { 'Idempotency-Key': `smoke-${username}` };
  const first = await call('POST', '/reservations', { token, body: { showId, seats: 2 }, headers });
  expect('POST /reservations', first, 201);
  const again = await call('POST', '/reservations', { token, body: { showId, seats: 2 }, headers });
  const id = first.body?.data?.reservation?.id;
  if (!id || again.body?.data?.reservation?.id !== id) problems.push('idempotent replay booked again');
  expect('over capacity', await call('POST', '/reservations', { token, body: { showId, seats: 9 } }), 400);
  expect('DELETE /reservations/:id', await call('DELETE', `/reservations/${id}`, { token }), 200);
}

export const check = {
  name: 'API smoke through nginx-backend',
  target: 'the OpenMusic flow and the reservation contract answer as specified',
  async run(ctx) {
    const problems = [];
    let calls = 0;
    const expect = (what, res, status) => {
      calls += 1;
      if (res.status !== status) problems.push(`${what} ${res.status}≠${status}`);
    };
    const username = `smoke${randomBytes(4).toString('hex')}`;
    const token = await catalogue(ctx, username, expect, problems);
    await reservations(ctx, username, token, expect, problems);
    expect('no token', await ctx.call('GET', '/reservations'), 401);
    const badJson = await fetch(`${ctx.api}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect('bad JSON', badJson, 400);
    expect('GET /docs', await ctx.call('GET', '/docs'), 200);
    // Besides the calls given a status: the song search and the idempotent replay.
    return {
      pass: problems.length === 0,
      result: problems.length ? problems.join('; ') : `${calls + 2} calls as specified`,
    };
  },
};
