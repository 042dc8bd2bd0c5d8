import type { Knex } from 'knex';

/**
 * MySQL/MariaDB: the reservation transaction as one stored procedure, so the show's row lock is held
 * for microseconds inside the server instead of across round trips to an api process. The rules are
 * the same as the portable path in reservations.repository.ts (used on SQLite), step for step:
 * claim the Idempotency-Key, take the seats with one conditional UPDATE, insert the reservation only if
 * the fan stays within the per-show limit, commit; on refusal, store the verdict under the key.
 * It answers one row: `outcome`, the JSON of a ReserveOutcome.
 */
const CREATE = `
create procedure reserve_seats(
  in p_id varchar(40), in p_code varchar(12), in p_show varchar(40), in p_user varchar(40),
  in p_seats int, in p_now bigint, in p_max_per_user int,
  in p_key varchar(200), in p_hash varchar(64), in p_reserved_outcome text)
proc: begin
  declare v_outcome text default null;
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
  await db.raw('drop procedure if exists reserve_seats');
  await db.raw(CREATE);
}

export async function down(db: Knex): Promise<void> {
  if (db.client.config.client !== 'mysql2') return;
  await db.raw('drop procedure if exists reserve_seats');
}
