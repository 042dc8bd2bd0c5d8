import type { Knex } from 'knex';

/**
 * InnoDB + utf8mb4 on MySQL (emoji in titles, case-insensitive search); nothing to say on SQLite.
 * Frozen with the migrations that call it: other options are a new helper, never an edit here.
 */
export function mysqlTableOptions(db: Knex, table: Knex.CreateTableBuilder): void {
  if (db.client.config.client !== 'mysql2') return;
  table.engine('InnoDB');
  table.charset('utf8mb4');
  table.collate('utf8mb4_unicode_ci');
}
