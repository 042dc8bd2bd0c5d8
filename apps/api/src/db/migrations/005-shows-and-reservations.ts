import type { Knex } from 'knex';
import { mysqlTableOptions } from './table-options.js';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('shows', (t) => {
    mysqlTableOptions(db, t);
    t.string('id', 40).primary();
    t.string('title', 200).notNullable();
    t.string('performer', 200).notNullable();
    t.string('venue', 200).notNullable();
    t.bigInteger('starts_at').notNullable(); // epoch milliseconds, UTC
    t.integer('capacity').notNullable();
    // Confirmed seats. Changed only by a conditional UPDATE that keeps it within capacity; the CHECK is
    // the database's own backstop for the invariant.
    t.integer('reserved').notNullable().defaultTo(0);
    t.string('album_id', 40).nullable().references('id').inTable('albums').onDelete('SET NULL');
    t.bigInteger('created_at').notNullable();
    t.index(['starts_at', 'id'], 'shows_starts_at_id_index');
    t.check('?? >= 0 and ?? <= ??', ['reserved', 'reserved', 'capacity'], 'shows_reserved_within_capacity');
  });
  await db.schema.createTable('reservations', (t) => {
    mysqlTableOptions(db, t);
    t.string('id', 40).primary();
    t.string('code', 12).notNullable().unique('reservations_code_unique');
    t.string('show_id', 40).notNullable().references('id').inTable('shows').onDelete('CASCADE');
    t.string('user_id', 40).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.integer('seats').notNullable();
    t.string('status', 10).notNullable(); // confirmed | cancelled
    t.bigInteger('created_at').notNullable();
    t.bigInteger('cancelled_at').nullable();
    t.index(['user_id', 'created_at', 'id'], 'reservations_user_id_created_at_index');
    t.index(['show_id', 'user_id', 'status'], 'reservations_show_id_user_id_index');
  });
  // Idempotency-Key → the first response. Written in the reservation's own transaction under the
  // primary key, so twins on any replica wait for each other and never book twice.
  await db.schema.createTable('idempotency_keys', (t) => {
    mysqlTableOptions(db, t);
    t.string('user_id', 40).notNullable();
    t.string('idempotency_key', 200).notNullable();
    t.string('request_hash', 64).notNullable();
    t.text('outcome').notNullable(); // the first result, replayed to every retry
    t.bigInteger('created_at').notNullable();
    t.primary(['user_id', 'idempotency_key']);
    t.index(['created_at'], 'idempotency_keys_created_at_index');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('idempotency_keys');
  await db.schema.dropTable('reservations');
  await db.schema.dropTable('shows');
}
