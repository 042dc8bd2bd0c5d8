import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/**
 * The real things the browser journeys run against: a fresh MariaDB database, the built api
 * (apps/api/dist) and the built web app (`next start`), on loopback ports. Everything is removed by stop().
 * With E2E_WEB_URL and E2E_API_URL (and E2E_ADMIN_USERNAME/PASSWORD) the journeys run against that
 * stack instead.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MYSQL = {
  host: process.env.TEST_MYSQL_HOST ?? '127.0.0.1',
  port: process.env.TEST_MYSQL_PORT ?? '3306',
  user: process.env.TEST_MYSQL_USER ?? 'root',
  password: process.env.TEST_MYSQL_PASSWORD ?? '',
};

export const ADMIN = {
  username: process.env.E2E_ADMIN_USERNAME ?? 'e2e-admin',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password',
};

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function waitFor(url: string, child: ChildProcess, what: string, logs: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${logs()}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${what} did not answer ${url}:\n${logs()}`);
}

function run(command: string, args: string[], env: Record<string, string>, cwd = ROOT) {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env };
  const child = spawn(command, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, logs: () => output.slice(-4000) };
}

async function mysql(sql: string): Promise<void> {
  const { child, logs } = run(
    'mariadb',
    ['-h', MYSQL.host, '-P', MYSQL.port, '-u', MYSQL.user, `-p${MYSQL.password}`, '-e', sql],
    {},
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`mariadb failed: ${logs()}`);
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
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const api = run(process.execPath, ['apps/api/dist/main.js'], {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    DB_HOST: MYSQL.host,
    DB_PORT: MYSQL.port,
    DB_USER: MYSQL.user,
    DB_PASSWORD: MYSQL.password,
    DB_NAME: database,
    ACCESS_TOKEN_KEY: randomBytes(32).toString('hex'),
    REFRESH_TOKEN_KEY: randomBytes(32).toString('hex'),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // Every browser here is 127.0.0.1: one client, where the journeys make many accounts.
    REGISTRATION_RATE_LIMIT_PER_CLIENT: '100000',
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const web = run(
    `${ROOT}node_modules/.bin/next`,
    ['start', '--port', String(webPort), '--hostname', '127.0.0.1'],
    { API_URL: apiUrl, NODE_ENV: 'production' },
    fileURLToPath(new URL('../', import.meta.url)),
  );
  const stop = async () => {
    for (const child of [web.child, api.child]) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      [web.child, api.child].map((child) => (child.exitCode === null ? once(child, 'exit') : null)),
    );
    await mysql(`drop database if exists \`${database}\``);
  };
  try {
    await waitFor(`${apiUrl}/ready`, api.child, 'api', api.logs);
    await waitFor(`http://127.0.0.1:${webPort}/api/health`, web.child, 'web', web.logs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { web: `http://127.0.0.1:${webPort}`, api: apiUrl, stop };
}

const adminTokens = new Map<string, Promise<string>>();

/**
 * An access token for ADMIN, who may write shows and the catalogue: one login per api for the whole run
 * (the token outlives it). Through the stack's nginx-backend every login here counts against one
 * client's login limit, which the journeys' own logins need.
 */
export function adminToken(api: string): Promise<string> {
  let token = adminTokens.get(api);
  if (!token) {
    token = (async () => {
      const login = await fetch(`${api}/authentications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      if (login.status !== 201) throw new Error(`admin login: ${login.status} ${await login.text()}`);
      return ((await login.json()) as { data: { accessToken: string } }).data.accessToken;
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
