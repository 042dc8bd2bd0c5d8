import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { createDb } from '../create-db.js';
import { migrateToLatest } from '../migrate.js';
import { waitForDatabase } from '../wait-for-db.js';
import { seedDemo } from './seed-demo.js';

/** `npm run db:seed`: migrate, then add the demo catalogue and users to an empty development database. */
const config = loadConfig();
if (config.env === 'production') {
  process.stderr.write('db:seed: refusing to add demo users to a production database\n');
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const db = createDb(config.db, logger);
try {
  await waitForDatabase(db, logger, 30_000);
  await migrateToLatest(db, logger);
  const outcome = await seedDemo(db, config.bcryptCost);
  logger.info(
    { outcome },
    outcome === 'seeded'
      ? 'demo data added (users: admin/admin-password, listener/listener-password, fan/fan-password)'
      : 'database already has a catalogue; demo seed skipped',
  );
} finally {
  await db.destroy();
}
