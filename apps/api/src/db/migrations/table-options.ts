import type { Knex } from 'knex';
import { dialectOf } from '../create-db.js';

/** InnoDB + utf8mb4 on MySQL (emoji in titles, case-insensitive search); nothing to say on SQLite. */
export function mysqlTableOptions(db: Knex, table: Knex.CreateTableBuilder): void {
  if (dialectOf(db) !== 'mysql') return;
  table.engine('InnoDB');
  table.charset('utf8mb4');
  table.collate('utf8mb4_unicode_ci');
}
