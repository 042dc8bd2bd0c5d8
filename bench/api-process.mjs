// Starts the built api (apps/api/dist/main.js) as its own process on a loopback port, the way
// `npm run start -w apps/api` does, and waits until GET /ready answers.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/lib/ports.mjs';

const API_MAIN = fileURLToPath(new URL('../apps/api/dist/main.js', import.meta.url));

export const MYSQL = {
  host: process.env.TEST_MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_MYSQL_PORT ?? 3306),
  user: process.env.TEST_MYSQL_USER ?? 'root',
  password: process.env.TEST_MYSQL_PASSWORD ?? '',
};

/**
 * @param {object} options
 * @param {string} options.database  MariaDB database the api uses (it migrates it at start-up)
 * @param {Record<string, string>} [options.env]  more settings (keys, log level, rate limits…)
 * @param {string | null} [options.profileDir]  record a CPU profile there (--cpu-prof)
 * @param {boolean} [options.showLogs]  copy the api's stdout (its JSON logs) to our stderr
 */
export async function startApi({ database, env = {}, profileDir = null, showLogs = false }) {
  const port = await freePort();
  // Node flags as in `npm run start -w apps/api`.
  const flags = [
    '--max-old-space-size=128',
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  ];
  const child = spawn(process.execPath, [...flags, API_MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DB_HOST: MYSQL.host,
      DB_PORT: String(MYSQL.port),
      DB_USER: MYSQL.user,
      DB_PASSWORD: MYSQL.password,
      DB_NAME: database,
      ACCESS_TOKEN_KEY: randomBytes(32).toString('hex'),
      REFRESH_TOKEN_KEY: randomBytes(32).toString('hex'),
      ...env,
    },
    stdio: ['ignore', showLogs ? 'pipe' : 'ignore', 'inherit'],
  });
  if (showLogs) child.stdout.on('data', (chunk) => process.stderr.write(chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null)
      throw new Error(`api exited with code ${child.exitCode} before it was ready`);
    if (
      await fetch(`${base}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, base, port };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('api did not become ready');
}

/** SIGTERM, then wait for the process to drain and exit. */
export async function stopApi(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}
