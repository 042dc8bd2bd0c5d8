import type { Knex } from 'knex';

/**
 * Usernames in their canonical form (lower case; registration allowed ASCII letters, digits and `._-`
 * only, so that is the whole of it). On MySQL/MariaDB the unique index already folded case, so no two
 * rows can collide. SQLite compared exactly, so `Alice` and `alice` may both exist there: the older
 * spelling keeps its case and stays reachable only as typed before this migration (logged, not lost).
 */
export async function up(db: Knex): Promise<void> {
  const mysql = db.client.config.client === 'mysql2';
  const rows: { id: string; username: string }[] = await db('users')
    .select('id', 'username')
    .whereRaw(
      mysql ? 'cast(username as binary) <> cast(lower(username) as binary)' : 'username <> lower(username)',
    );
  for (const row of rows) {
    const canonical = row.username.toLowerCase();
    const taken = await db('users').where({ username: canonical }).whereNot({ id: row.id }).first('id');
    if (taken) {
      process.stderr.write(
        `008-canonical-usernames: "${row.username}" kept: "${canonical}" is another account\n`,
      );
      continue;
    }
    await db('users').where({ id: row.id }).update({ username: canonical });
  }
}

/** Lower case is a valid username too: nothing to undo. */
export async function down(): Promise<void> {}
