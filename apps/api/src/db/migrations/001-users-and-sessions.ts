import type { Knex } from 'knex';
import { mysqlTableOptions } from './table-options.js';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('users', (t) => {
    mysqlTableOptions(db, t);
    t.string('id', 40).primary();
    t.string('username', 50).notNullable().unique('users_username_unique');
    t.string('password_hash', 100).notNullable();
    t.string('fullname', 200).notNullable();
    t.string('role', 10).notNullable().defaultTo('user');
    t.bigInteger('created_at').notNullable();
  });
  // Refresh tokens are stored as SHA-256 hashes: a leaked table cannot be replayed, and deleting a row
  // revokes the session on every replica.
  await db.schema.createTable('refresh_tokens', (t) => {
    mysqlTableOptions(db, t);
    t.string('token_hash', 64).primary();
    t.string('user_id', 40).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.bigInteger('expires_at').notNullable();
    t.bigInteger('created_at').notNullable();
    t.index(['user_id'], 'refresh_tokens_user_id_index');
    t.index(['expires_at'], 'refresh_tokens_expires_at_index');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('refresh_tokens');
  await db.schema.dropTable('users');
}
