import { createServer, type Server } from 'node:http';
import { type AddressInfo, Server as NetServer } from 'node:net';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { waitForDatabase } from './db/wait-for-db.js';
import { startHousekeeping } from './housekeeping.js';
import { createProcessLogger } from './logger.js';
import { refreshTokensRepository } from './modules/authentications/refresh-tokens.repository.js';
import { usersRepository } from './modules/users/users.repository.js';
import { usersService } from './modules/users/users.service.js';

// The api process (the image runs dist/main.js): config → database → migrations → createApp → listen,
// drained on SIGTERM. The other entry points sit beside it: seed.ts (npm run db:seed, and the first
// step of npm run dev) and reservasi-seed.ts (for scripts/dump-reservasi-sql.sh); seeds/ is what they add.

/** Longer than nginx's upstream keepalive_timeout (60 s), so nginx always closes an idle connection first. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** On SIGTERM, how long idle kept-alive connections stay open (nginx-backend re-resolves replicas every 5 s). */
const IDLE_CONNECTION_GRACE_MS = 5000;

/**
 * Stops accepting connections, and calls back once every open one has ended. Unlike `server.close()`,
 * which since Node 19 also closes idle kept-alive connections at once.
 */
function stopListening(server: Server, done: () => void): void {
  NetServer.prototype.close.call(server, () => done());
}

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
    const sessions = refreshTokensRepository(db);
    const outcome = await usersService(usersRepository(db), config.bcryptCost, systemClock).ensureAdmin(
      config.admin,
      (userId) => sessions.removeAllOf(userId),
    );
    if (outcome === 'name-taken') {
      logger.error(
        { username: config.admin.username },
        'ADMIN_USERNAME names an ordinary account: it is not made admin; choose a name nobody has',
      );
    } else logger.info({ username: config.admin.username, outcome }, 'admin account checked');
  }

  const stopHousekeeping = startHousekeeping(db, logger, systemClock);
  // Answers are held to their declared schemas everywhere but in production (npm run dev included).
  const app = createApp({ db, config, logger, checkResponses: config.env !== 'production' });
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
    // New connections are refused from now on (nginx sends those requests to another replica). The
    // connections nginx already holds stay usable for a moment, each request answered with
    // "Connection: close" so nginx drops the connection itself: closing an idle one under nginx's feet
    // could meet a request on its way, which nginx may not retry (a POST).
    server.on('request', (_req, res) => res.setHeader('Connection', 'close'));
    stopListening(server, async () => {
      clearInterval(reaper);
      stopHousekeeping();
      await db.destroy();
      logger.info('stopped cleanly');
      flush();
      process.exit(0);
    });
    // After the grace, connections nginx no longer uses are closed as they become idle.
    let reaper: NodeJS.Timeout | undefined;
    const grace = setTimeout(
      () => {
        server.closeIdleConnections();
        reaper = setInterval(() => server.closeIdleConnections(), 100);
      },
      Math.min(IDLE_CONNECTION_GRACE_MS, config.shutdownTimeoutMs / 2),
    );
    grace.unref();
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
