import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import {
  apiEnvOnTestMysql,
  freePort,
  repoRoot,
  startApi,
  startProcess,
  testMysqlServer,
  waitUntilAnswering,
} from '@musicapp/test-kit';

/**
 * The real things the browser journeys run against: a fresh MariaDB database, the built api
 * (apps/api/dist) and the built web app (`next start`), on loopback ports. Everything is removed by stop().
 * With E2E_WEB_URL and E2E_API_URL (and E2E_ADMIN_USERNAME/PASSWORD) the journeys run against that
 * stack instead.
 */
export const ADMIN = {
  username: process.env.E2E_ADMIN_USERNAME ?? 'e2e-admin',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password',
};

/** One statement on the test MySQL server, through Debian's mariadb client. */
async function mysql(sql: string): Promise<void> {
  const server = testMysqlServer();
  const client = spawn(
    'mariadb',
    ['-h', server.host, '-P', String(server.port), '-u', server.user, `-p${server.password}`, '-e', sql],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  client.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(client, 'exit');
  if (code !== 0) throw new Error(`mariadb failed: ${stderr}`);
}

export interface Stack {
  web: string;
  api: string;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  // An already running stack instead (stack:test points the journeys at the swarm's nginx proxies).
  const external = { web: process.env.E2E_WEB_URL, api: process.env.E2E_API_URL };
  if (external.web && external.api) return { web: external.web, api: external.api, stop: async () => {} };
  const database = `musicapp_test_e2e_${randomBytes(5).toString('hex')}`;
  await mysql(`create database \`${database}\``); // the server default collation, as deployed
  const webPort = await freePort();
  const web = `http://127.0.0.1:${webPort}`;
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  let next: ReturnType<typeof startProcess> | undefined;
  const stop = async () => {
    await Promise.all([next?.stop(), api?.stop()]);
    await mysql(`drop database if exists \`${database}\``);
  };
  try {
    api = await startApi({
      port: await freePort(), // its own port: LOG_LEVEL warn keeps the request lines out of the output
      env: {
        ...apiEnvOnTestMysql(database),
        LOG_LEVEL: 'warn',
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
        // Every browser here is 127.0.0.1: one client, where the journeys make many accounts and
        // the generated-redirect journey logs in a thousand times.
        REGISTRATION_RATE_LIMIT_PER_CLIENT: '100000',
        LOGIN_RATE_LIMIT_PER_CLIENT: '100000',
      },
    });
    next = startProcess(
      join(repoRoot, 'node_modules/.bin/next'),
      ['start', '--port', String(webPort), '--hostname', '127.0.0.1'],
      { cwd: join(repoRoot, 'apps/web'), env: { API_URL: api.base, NODE_ENV: 'production' } },
    );
    await waitUntilAnswering(next, `${web}/api/health`, { what: 'the web app' });
  } catch (error) {
    await stop();
    throw error;
  }
  return { web, api: api.base, stop };
}

/**
 * Through the stack, every browser and the admin helper of a run are one address to nginx-backend,
 * whose login limit (NGINX_LOGIN_RATE 10r/m, burst 5 over the first) gives one login back every 6 s.
 * A login it refuses waits this long before trying again.
 */
export const LOGIN_LIMIT_WAIT_MS = 6_500;

const adminTokens = new Map<string, Promise<string>>();

/**
 * An access token for ADMIN, who may write shows and the catalogue: one login per api for the whole run
 * (the token outlives it). It shares the login limit with the journeys' own logins: when the limit
 * refuses (429), it waits for the next login the limit gives back, for about a minute at most.
 */
export function adminToken(api: string): Promise<string> {
  let token = adminTokens.get(api);
  if (!token) {
    token = (async () => {
      for (let attempt = 1; ; attempt += 1) {
        const login = await fetch(`${api}/authentications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        });
        if (login.status === 201) {
          return ((await login.json()) as { data: { accessToken: string } }).data.accessToken;
        }
        if (login.status !== 429 || attempt === 10) {
          throw new Error(`admin login: ${login.status} ${await login.text()}`);
        }
        await setTimeout(LOGIN_LIMIT_WAIT_MS);
      }
    })();
    token.catch(() => adminTokens.delete(api));
    adminTokens.set(api, token);
  }
  return token;
}

/** POSTs `body` as the admin and answers the created resource's `data`. */
async function adminCreate<T>(api: string, token: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

/** An admin-made show through the api, for a journey to reserve. */
export async function createShow(api: string, show: { title: string; capacity: number }): Promise<string> {
  const token = await adminToken(api);
  const { showId } = await adminCreate<{ showId: string }>(api, token, '/shows', {
    ...show,
    performer: 'The Loopbacks',
    venue: 'Localhost Hall',
    startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  });
  return showId;
}

/** An admin-made album holding one song, for a journey to find through search. */
export async function createAlbumWithSong(
  api: string,
  input: { albumName: string; songTitle: string; performer: string; genre: string },
): Promise<{ albumId: string; songId: string }> {
  const token = await adminToken(api);
  const { albumId } = await adminCreate<{ albumId: string }>(api, token, '/albums', {
    name: input.albumName,
    year: 2024,
  });
  const { songId } = await adminCreate<{ songId: string }>(api, token, '/songs', {
    title: input.songTitle,
    year: 2024,
    genre: input.genre,
    performer: input.performer,
    duration: 187,
    albumId,
  });
  return { albumId, songId };
}

/** An admin-made single (no album), for a journey to find and add to a playlist. */
export async function createSong(api: string, title: string): Promise<string> {
  const token = await adminToken(api);
  const { songId } = await adminCreate<{ songId: string }>(api, token, '/songs', {
    title,
    year: 2024,
    genre: 'Synthwave',
    performer: 'The Loopbacks',
    duration: 201,
  });
  return songId;
}
