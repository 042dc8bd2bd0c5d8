import { createReadStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { freePort, run, start, stop } from './processes.mjs';

/**
 * The stack's `db` service as a process: its own mariadbd with its own data directory and port,
 * initialised the way the mysql image does it on an empty data directory (database and app account
 * from MYSQL_DATABASE/MYSQL_USER/MYSQL_PASSWORD, then the init script with that database selected).
 */
export async function createMariaDb(dir, { database, user, password, initScript }) {
  const dataDir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...asRoot,
  ]);
  const port = await freePort();
  let proc = null;

  const server = {
    port,
    socket,
    get pid() {
      return proc?.child.pid;
    },
    async start() {
      proc = start('mariadbd', '/usr/sbin/mariadbd', [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--socket=${socket}`,
        `--pid-file=${join(dir, 'mysqld.pid')}`,
        `--log-error=${join(dir, 'error.log')}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=128M',
        '--max-connections=300',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        ...asRoot,
      ]);
      for (let i = 0; i < 300; i++) {
        if (proc.child.exitCode !== null) throw new Error(`mariadbd exited:\n${proc.logs()}`);
        const up = await run('mariadb', [
          '--no-defaults',
          `--socket=${socket}`,
          '-uroot',
          '-e',
          'select 1',
        ]).then(
          () => true,
          () => false,
        );
        if (up) return;
        await sleep(100);
      }
      throw new Error('mariadbd did not start');
    },
    /** A clean shutdown (what `docker service update` or a node reboot does to the db task). */
    async stop() {
      if (proc) await stop(proc, 'SIGTERM', 60_000);
    },
    /** A root connection over the socket, for the rehearsal's own checks. */
    connect: () => mysql.createConnection({ socketPath: socket, user: 'root', database }),
  };

  await server.start();
  const root = await mysql.createConnection({ socketPath: socket, user: 'root' });
  await root.query(`create database \`${database}\``);
  await root.query('create user ?@? identified by ?', [user, '%', password]);
  await root.query(`grant all on \`${database}\`.* to ?@?`, [user, '%']);
  await root.end();
  await run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', database], {
    input: createReadStream(initScript),
  });
  return server;
}
