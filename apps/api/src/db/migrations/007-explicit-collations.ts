import type { Knex } from 'knex';
import * as reserveSeatsProcedure from './006-reserve-seats-procedure.js';

/**
 * MySQL/MariaDB: nothing the reservations compare may depend on the database's default collation.
 *
 * A stored procedure's parameters and variables take the default collation of the database they were
 * created in, and compare as IMPLICIT, like columns. The tables are utf8mb4_unicode_ci, but a database
 * created with the server's default (utf8mb4_0900_ai_ci on MySQL 8+ with the stack's flags,
 * utf8mb4_general_ci on MariaDB) gave `reserve_seats` parameters of another collation, and every call
 * failed with "Illegal mix of collations". Here each character parameter and variable states the
 * character set and collation of the column it meets, so the procedure is the same wherever it is made.
 *
 * Idempotency keys compare exactly (case-sensitive, no pad-space or accent folding) on every database:
 * `Key-AbC` and `key-abc` are two keys, as on SQLite.
 *
 * Frozen: a later change to the procedure is a new migration, never an edit here.
 */
const ID = 'varchar(40) character set utf8mb4 collate utf8mb4_unicode_ci';
const KEY = 'varchar(200) character set utf8mb4 collate utf8mb4_bin';
const TEXT = 'text character set utf8mb4 collate utf8mb4_bin';

const CREATE = `
create procedure reserve_seats(
  in p_id ${ID}, in p_code varchar(12) character set utf8mb4 collate utf8mb4_unicode_ci,
  in p_show ${ID}, in p_user ${ID},
  in p_seats int, in p_now bigint, in p_max_per_user int,
  in p_key ${KEY}, in p_hash varchar(64) character set utf8mb4 collate utf8mb4_unicode_ci,
  in p_reserved_outcome ${TEXT})
proc: begin
  declare v_outcome ${TEXT} default null;
  declare v_starts bigint default null;
  declare v_capacity int;
  declare v_reserved int;
  declare v_held int;
  declare exit handler for sqlexception begin rollback; resignal; end;

  start transaction;
  if p_key is not null then
    begin
      -- A twin still holding the same key past the lock wait: say so instead of a generic timeout.
      declare exit handler for 1205 begin rollback; signal sqlstate '45000' set message_text = 'IDEMPOTENCY_KEY_IN_FLIGHT'; end;
      insert into idempotency_keys (user_id, idempotency_key, request_hash, outcome, created_at)
      values (p_user, p_key, p_hash, p_reserved_outcome, p_now);
    end;
  end if;

  update shows set reserved = reserved + p_seats
   where id = p_show and starts_at > p_now and reserved + p_seats <= capacity;
  if row_count() = 1 then
    insert into reservations (id, code, show_id, user_id, seats, status, created_at)
    select p_id, p_code, p_show, p_user, p_seats, 'confirmed', p_now from dual
     where (select coalesce(sum(r.seats), 0) from reservations r
             where r.show_id = p_show and r.user_id = p_user and r.status = 'confirmed') + p_seats <= p_max_per_user;
    if row_count() = 1 then
      commit;
      select p_reserved_outcome as outcome;
      leave proc;
    end if;
    update shows set reserved = reserved - p_seats where id = p_show;
    select coalesce(sum(r.seats), 0) into v_held from reservations r
     where r.show_id = p_show and r.user_id = p_user and r.status = 'confirmed';
    set v_outcome = json_object('kind', 'over-user-limit', 'held', v_held);
  else
    select starts_at, capacity, reserved into v_starts, v_capacity, v_reserved from shows where id = p_show;
    set v_outcome = case
      when v_starts is null then json_object('kind', 'show-not-found')
      when v_starts <= p_now then json_object('kind', 'show-started')
      else json_object('kind', 'sold-out', 'seatsLeft', v_capacity - v_reserved)
    end;
  end if;

  if p_key is not null then
    update idempotency_keys set outcome = v_outcome where user_id = p_user and idempotency_key = p_key;
  end if;
  commit;
  select v_outcome as outcome;
end`;

export async function up(db: Knex): Promise<void> {
  if (db.client.config.client !== 'mysql2') return;
  await db.raw(`alter table idempotency_keys modify idempotency_key ${KEY} not null`);
  await db.raw('drop procedure if exists reserve_seats');
  await db.raw(CREATE);
}

export async function down(db: Knex): Promise<void> {
  if (db.client.config.client !== 'mysql2') return;
  await db.raw(
    'alter table idempotency_keys modify idempotency_key varchar(200) character set utf8mb4 collate utf8mb4_unicode_ci not null',
  );
  await reserveSeatsProcedure.up(db);
}
