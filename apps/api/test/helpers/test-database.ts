import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testMysqlServer } from '@musicapp/test-kit';
import knex, { type Knex } from 'knex';
import type { DbConfig } from '../../src/config.js';
import { createDb } from '../../src/db/create-db.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDatabase {
  config: DbConfig;
  db: Knex;
  /** Closes the pool and deletes the database (file or MariaDB schema). */
  drop(): Promise<void>;
}

export const testDialect = (): 'mysql' | 'sqlite' => (process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite');

/** What the suites read of the environment: turbo.json must hand each to the api's test task. */
export const TEST_DB_VARIABLES = [
  'TEST_DB',
  'TEST_DB_SERVER',
  'TEST_MYSQL_HOST',
  'TEST_MYSQL_PORT',
  'TEST_MYSQL_USER',
  'TEST_MYSQL_PASSWORD',
] as const;

export interface StatedServer {
  product: 'sqlite' | 'mariadb' | 'mysql';
  /** A version prefix: `9.7` is any 9.7.x. */
  version?: string;
}

/**
 * The server a pass says it runs on: TEST_DB_SERVER, which the root scripts set (`mariadb` for
 * test:mariadb, `mysql-9.7` for test:mysql; a version is a prefix), or SQLite when it says nothing.
 * test/database-server.test.ts holds the pass to it, so a pass that lost its server fails.
 */
export function statedServer(stated: string | undefined): StatedServer {
  if (!stated) return { product: 'sqlite' };
  const match = /^(mariadb|mysql)(?:-(\d+(?:\.\d+)*))?$/.exec(stated);
  if (!match)
    throw new Error(`TEST_DB_SERVER=${stated}: expected mariadb or mysql, with a version or not (mysql-9.7)`);
  return { product: match[1] as 'mariadb' | 'mysql', ...(match[2] ? { version: match[2] } : {}) };
}

export interface TestDatabaseOptions {
  /** Apply every migration (default); false leaves an empty database. */
  migrate?: boolean;
  /**
   * MySQL/MariaDB: the database's default collation. Unset, the database gets the server's default, as
   * the mysql image's MYSQL_DATABASE and an operator's plain `CREATE DATABASE` do.
   */
  collation?: string;
}

/**
 * A fresh, migrated database of its own for one test file: a temporary SQLite file by default, or a new
 * `musicapp_test_<random>` database on MariaDB/MySQL when TEST_DB=mysql. Nothing is shared between runs.
 */
export async function createTestDatabase({
  migrate = true,
  collation,
}: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (testDialect() === 'mysql') {
    const server = testMysqlServer();
    const name = `musicapp_test_${randomBytes(6).toString('hex')}`;
    const admin = knex({ client: 'mysql2', connection: server, pool: { min: 0, max: 1 } });
    await admin.raw(`create database \`${name}\`${collation ? ` collate ${collation}` : ''}`);
    const config: DbConfig = { client: 'mysql', ...server, database: name, poolMax: 10 };
    const db = createDb(config);
    const drop = async () => {
      await db.destroy();
      await admin.raw(`drop database if exists \`${name}\``);
      await admin.destroy();
    };
    try {
      if (migrate) await migrateToLatest(db);
    } catch (error) {
      await drop();
      throw error;
    }
    return { config, db, drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'musicapp-test-'));
  const config: DbConfig = { client: 'sqlite', file: join(dir, 'musicapp.sqlite') };
  const db = createDb(config);
  if (migrate) await migrateToLatest(db);
  return {
    config,
    db,
    async drop() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** MySQL/MariaDB: what the test server is, and the utf8mb4 collations it has. */
export async function mysqlServerFacts() {
  const admin = knex({ client: 'mysql2', connection: testMysqlServer(), pool: { min: 0, max: 1 } });
  try {
    const [[facts]] = await admin.raw('select version() as version, @@collation_server as defaultCollation');
    const [rows] = await admin.raw("show collation where charset = 'utf8mb4'");
    return {
      version: String(facts.version),
      defaultCollation: String(facts.defaultCollation),
      collations: (rows as { Collation: string }[]).map((row) => row.Collation),
    };
  } finally {
    await admin.destroy();
  }
}
