import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { waitForDatabase } from './db/wait-for-db.js';
import { startHousekeeping } from './housekeeping.js';
import { createProcessLogger } from './logger.js';
import { usersRepository } from './modules/users/users.repository.js';
import { usersService } from './modules/users/users.service.js';

/** Longer than nginx's upstream keepalive_timeout (60 s), so nginx always closes an idle connection first. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`musicapp-api: invalid configuration: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

let flushLogs = () => {};

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const { logger, flush } = createProcessLogger(config.logLevel);
  flushLogs = flush;
  const db = createDb(config.db, logger);

  await waitForDatabase(db, logger);
  await migrateToLatest(db, logger);
  if (config.admin) {
    const outcome = await usersService(usersRepository(db), config.bcryptCost, systemClock).ensureAdmin(
      config.admin,
    );
    logger.info({ username: config.admin.username, outcome }, 'admin account checked');
  }

  const stopHousekeeping = startHousekeeping(db, logger, systemClock);
  const app = createApp({ db, config, logger });
  const server = createServer(app);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    logger.info({ port, db: config.db.client }, 'musicapp api listening');
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('in-flight requests did not finish in time; exiting');
      flush();
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    // Requests on kept-alive connections are answered with "Connection: close" from now on.
    server.on('request', (_req, res) => res.setHeader('Connection', 'close'));
    // A kept-alive connection becomes idle once its in-flight response is sent: close those as they appear.
    const reaper = setInterval(() => server.closeIdleConnections(), 100);
    server.close(async () => {
      clearInterval(reaper);
      stopHousekeeping();
      await db.destroy();
      logger.info('stopped cleanly');
      flush();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  flushLogs();
  process.stderr.write(
    `musicapp-api: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
