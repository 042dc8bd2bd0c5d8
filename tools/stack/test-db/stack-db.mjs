import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort } from '@musicapp/test-kit';
import mysql from 'mysql2/promise';
import { loadStack } from '../stack-file.mjs';

const exec = promisify(execFile);
const docker = async (...args) => (await exec('docker', args, { maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
/** A container's last log lines, stdout and stderr together. */
const containerLogs = (name) =>
  exec('sh', ['-c', 'docker logs --tail 60 "$0" 2>&1', name]).then(
    ({ stdout }) => stdout.trim(),
    (error) => String(error.stderr ?? error.message),
  );

/**
 * The stack's `db` service as one container on this machine: the image docker-compose.yaml names, run
 * with that service's own `command:` flags (so a test cannot drift from the deployed server settings),
 * its environment contract (MYSQL_DATABASE, MYSQL_USER, MYSQL_PASSWORD_FILE, …) and init scripts.
 * Its port is published on 127.0.0.1 only.
 *
 *   env         extra environment (MYSQL_DATABASE, MYSQL_USER, …)
 *   rootPassword  root's password (default: a random one, given as MYSQL_ROOT_PASSWORD unless `env`
 *               names a MYSQL_ROOT_PASSWORD_FILE holding it)
 *   files       { '/path/in/container': '/path/on/host' } bind-mounted read-only (init scripts, secrets)
 *   tmpfs       keep the data directory in memory (test suites: fast, and nothing to clean up); the
 *               server and its settings are the same, only the disk under it differs
 */
export async function startStackDb({
  purpose,
  env = {},
  files = {},
  rootPassword = randomBytes(18).toString('base64url'),
  tmpfs = false,
  log = () => {},
}) {
  const { services } = loadStack('docker-compose.yaml');
  const { image, command = [] } = services.db;
  const port = await freePort();
  const name = `musicapp-${purpose}-${randomBytes(4).toString('hex')}`;
  const args = ['run', '--detach', '--name', name, '--publish', `127.0.0.1:${port}:3306`];
  args.push('--label', 'musicapp.stack-db=1');
  if (!env.MYSQL_ROOT_PASSWORD_FILE) args.push('--env', `MYSQL_ROOT_PASSWORD=${rootPassword}`);
  for (const [key, value] of Object.entries(env)) args.push('--env', `${key}=${value}`);
  for (const [target, source] of Object.entries(files)) args.push('--volume', `${source}:${target}:ro`);
  if (tmpfs) args.push('--tmpfs', '/var/lib/mysql:rw,uid=999,gid=999,mode=0700');
  try {
    await docker(...args, image, ...command);
  } catch (error) {
    throw new Error(
      `could not start the stack's db image ${image} (build it with npm run ci-images): ${error.stderr ?? error.message}`,
    );
  }

  const connect = (options = {}) =>
    mysql.createConnection({ host: '127.0.0.1', port, user: 'root', password: rootPassword, ...options });

  /** Until a root login over TCP works: the init phase listens on its socket only. */
  async function ready(timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const connection = await connect({ connectTimeout: 2000 }).catch(() => null);
      if (connection) {
        await connection.end();
        return;
      }
      const running = await docker('inspect', '--format', '{{.State.Running}}', name).catch(() => 'false');
      if (running !== 'true' || Date.now() > deadline) {
        throw new Error(
          `the db container ${name} (${image}) did not become ready:\n${await containerLogs(name)}`,
        );
      }
      await sleep(250);
    }
  }

  const started = Date.now();
  await ready();
  const connection = await connect();
  const [[{ version, collation }]] = await connection.query(
    'select version() as version, @@collation_server as collation',
  );
  await connection.end();
  log(
    `db: ${image} (MySQL ${version}, ${command.join(' ')}) on 127.0.0.1:${port}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  return {
    name,
    image,
    version,
    collation,
    host: '127.0.0.1',
    port,
    rootPassword,
    connect,
    /** A clean shutdown, as swarm stops a task (SIGTERM, then up to the service's grace period). */
    stop: () => docker('stop', '--time', '60', name),
    async start() {
      await docker('start', name);
      await ready();
    },
    logs: () => containerLogs(name),
    remove: () => docker('rm', '--force', '--volumes', name).catch(() => {}),
  };
}
