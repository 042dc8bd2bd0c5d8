import { join } from 'node:path';
import { repoRoot } from './repo-root.mjs';
import { startProcess, waitUntilAnswering } from './server-process.mjs';

/** @typedef {import('./server-process.mjs').Logs} Logs */
/** @typedef {import('./server-process.mjs').ServerProcess} ServerProcess */

const API_DIR = join(repoRoot, 'apps/api');
/** How each entry point runs: the built one with the image's flags, the source through tsx. */
const ENTRIES = {
  built: ['--max-old-space-size=128', 'dist/main.js'],
  source: ['--import', 'tsx', 'src/main.ts'],
};

/**
 * @typedef {object} ApiOptions
 * @property {'built' | 'source'} [entry]  `built` (default): dist/main.js, as the image and
 *   `npm run start -w apps/api` run it (needs `npm run build`); `source`: src/main.ts through tsx
 * @property {Record<string, string>} [env]  its settings; besides them it gets PATH and HOST=127.0.0.1
 * @property {string[]} [nodeFlags]  more node flags, e.g. --cpu-prof
 * @property {Logs} [logs]
 */

/**
 * The real api as its own process, not waited for: what start-up failures are tested with.
 * @param {ApiOptions} [options]
 * @returns {ServerProcess}
 */
export function spawnApi({ entry = 'built', env = {}, nodeFlags = [], logs = 'keep' } = {}) {
  return startProcess(process.execPath, [...nodeFlags, ...ENTRIES[entry]], {
    cwd: API_DIR,
    env: { HOST: '127.0.0.1', ...env },
    logs,
  });
}

/** @typedef {ServerProcess & { port: number, base: string }} ListeningApi */

/**
 * Starts the api and waits until GET /ready answers (database reachable, migrations done).
 * With `port` 0, the default, the system picks a free port (no race with other tests for it) and the
 * api's "listening" log line tells which: its logs are kept, at LOG_LEVEL info. Pass a port
 * (`freePort()`) to run it with quieter logs, as a bench under load does.
 * @param {ApiOptions & { port?: number, timeoutMs?: number }} [options]
 * @returns {Promise<ListeningApi>}
 */
export async function startApi({ port = 0, timeoutMs = 60_000, ...options } = {}) {
  /** @type {Record<string, string>} */
  const env = { ...options.env, PORT: String(port) };
  if (port === 0) {
    if ((options.logs ?? 'keep') !== 'keep') throw new Error("port 0 is read from the logs: logs: 'keep'");
    env.LOG_LEVEL = 'info'; // the "listening" line is an info line
  }
  const api = spawnApi({ ...options, env });
  let listening = port || undefined;
  await waitUntilAnswering(
    api,
    () => {
      listening ??= listeningPort(api.output().stdout);
      return listening === undefined ? undefined : `http://127.0.0.1:${listening}/ready`;
    },
    { what: 'the api', timeoutMs },
  );
  const ready = /** @type {number} */ (listening);
  return { ...api, port: ready, base: `http://127.0.0.1:${ready}` };
}

/** @param {string} stdout */
function listeningPort(stdout) {
  for (const line of stdout.split('\n')) {
    if (!line.includes('musicapp api listening')) continue;
    const { port } = JSON.parse(line);
    if (port) return /** @type {number} */ (port);
  }
  return undefined;
}
