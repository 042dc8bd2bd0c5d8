// The checks' calls to the api through nginx-backend: one request, a signed-in account, a session kept
// refreshing.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

const json = async (res) => ({ status: res.status, body: await res.json().catch(() => null) });

/** One request to `base`: JSON in and out, a bearer token when given; resolves { status, body }. */
export function call(base, method, path, { token, body, headers = {} } = {}) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  }).then(json);
}

/** A new account, registered and logged in through the api (`call` as bound to it): its tokens. */
export async function signedInUser(call, prefix) {
  const username = `${prefix}${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const made = await call('POST', '/users', { body: { username, password, fullname: 'Stack Test' } });
  if (made.status !== 201) throw new Error(`registering ${username}: ${made.status}`);
  const login = await call('POST', '/authentications', { body: { username, password } });
  if (login.status !== 201) throw new Error(`logging in ${username}: ${login.status}`);
  return login.body.data;
}

/**
 * One session kept alive until stop(): its refresh token gets a new access token from whichever api
 * replica answers, and that token is used at once (three calls, spread over the replicas). During a key
 * rotation this is the request that fails if a replica meets a token it cannot verify.
 */
export function refreshLoop(call, refreshToken) {
  const statuses = {};
  const count = (status) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  const failedCall = () => ({ status: 0 });
  let running = true;
  let refreshes = 0;
  let uses = 0;
  const done = (async () => {
    while (running) {
      const refreshed = await call('PUT', '/authentications', { body: { refreshToken } }).catch(failedCall);
      count(refreshed.status);
      if (refreshed.status === 200) {
        refreshes += 1;
        for (let i = 0; i < 3; i++) {
          const token = refreshed.body.data.accessToken;
          count((await call('GET', '/playlists', { token }).catch(failedCall)).status);
          uses += 1;
        }
      }
      await sleep(50);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      const failed = Object.entries(statuses)
        .filter(([status]) => status !== '200')
        .reduce((sum, [, n]) => sum + n, 0);
      return { refreshes, uses, statuses, failed };
    },
  };
}
