// The operator's backup and restore (compose/backup.sh, compose/restore.sh) on the local swarm, as the
// README's runbook does it: a dump while the stack serves, the stack and its database volume removed, a
// fresh stack deployed, the dump restored into it. The pieces are exported for the runbook to compose.
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2';
import { inNode, NODES, run } from './local-swarm.mjs';
import { waitForStack } from './stack-health.mjs';
import { containersOf, stackDb } from './swarm-stack.mjs';

/** Where the check keeps the dump inside a node: outside the repository (read-only there) and every volume. */
export const BACKUP_FILE = '/var/lib/musicapp/backup.sql.gz';
const DB_VOLUME = 'musicapp_db-data';
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * What the data is, table by table: the row count and a hash of every row's values, plus each stored
 * routine's definition. Rows are hashed one by one (SHA-256 of a JSON array of the columns, which keeps
 * NULL apart from '' and 1 apart from '1') and the hashes XORed, so neither row order nor the storage
 * format (which CHECKSUM TABLE depends on) matters; every table has a primary key, so no two rows are
 * equal and cancel out. Resolves with { [table]: { rows, hash } }, routines under `routine <name>`.
 */
export async function fingerprint(db, database = 'musicapp') {
  const [columns] = await db.query(
    `select c.table_name as t, c.column_name as c
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = ? and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
    [database],
  );
  const tables = new Map();
  for (const { t, c } of columns) tables.set(t, [...(tables.get(t) ?? []), mysql.escapeId(c)]);
  const rowHash = (list) =>
    `cast(conv(left(sha2(json_array(${list.join(', ')}), 256), 16), 16, 10) as unsigned)`;
  const parts = [...tables].map(
    ([table, list]) =>
      `select ${mysql.escape(table)} as name, count(*) as n, coalesce(bit_xor(${rowHash(list)}), 0) as h from ${mysql.escapeId(database)}.${mysql.escapeId(table)}`,
  );
  parts.push(
    `select concat('routine ', routine_name), 1,
            ${rowHash(['routine_type', 'routine_definition', 'security_type', 'sql_mode', 'definer'])}
       from information_schema.routines where routine_schema = ${mysql.escape(database)}`,
  );
  const [rows] = await db.query(parts.join('\nunion all\n'));
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.n), hash: r.h }]));
}

/** The tables (and routines) whose rows differ between two fingerprints, as `name rows→rows`. */
export function differences(before, after) {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => before[name]?.rows !== after[name]?.rows || before[name]?.hash !== after[name]?.hash)
    .map((name) => `${name} ${before[name]?.rows ?? 'missing'}→${after[name]?.rows ?? 'missing'}`);
}

/**
 * What is wrong with a restored database, given fingerprints taken just before the dump (`before`),
 * just after it (`settled`) and after the restore (`after`): a table (or routine) that nothing changed
 * during the dump must be exactly as it was; one written meanwhile (the load's reservations, which only
 * add rows) must have a row count between the two looks, since the dump is one moment in between.
 * An empty list when the restore is what was dumped.
 */
export function restoredMismatches(before, settled, after) {
  const same = (a, b) => a?.rows === b?.rows && a?.hash === b?.hash;
  const names = [...new Set([...Object.keys(before), ...Object.keys(settled), ...Object.keys(after)])].sort();
  const problems = [];
  for (const name of names) {
    const rows = after[name]?.rows ?? 'missing';
    if (same(before[name], settled[name])) {
      if (!same(before[name], after[name]))
        problems.push(`${name} ${before[name]?.rows ?? 'missing'}→${rows}`);
    } else if (!(before[name]?.rows <= after[name]?.rows && after[name]?.rows <= settled[name]?.rows)) {
      problems.push(`${name} ${rows} not within ${before[name]?.rows}…${settled[name]?.rows}`);
    }
  }
  return problems;
}

/**
 * Shows whose seat counter disagrees with their confirmed reservations. reserve_seats changes both in
 * one transaction, so a dump taken under reservations has none unless it was not one snapshot.
 */
export async function seatDrift(db) {
  const [[row]] = await db.query(
    `select count(*) as shows, coalesce(sum(s.reserved <> coalesce(r.seats, 0)), 0) as drift
       from shows s
       left join (select show_id, sum(seats) as seats from reservations where status = 'confirmed' group by show_id) r
         on r.show_id = s.id`,
  );
  return { shows: Number(row.shows), drift: Number(row.drift) };
}

/** compose/backup.sh on `node` into `file` there; its size in bytes, SHA-256 and duration. */
export async function takeBackup(node, file = BACKUP_FILE) {
  const begun = Date.now();
  const out = await inNode(
    node,
    'mkdir -p "$(dirname "$FILE")" && compose/backup.sh >"$FILE" && stat -c %s "$FILE" && sha256sum "$FILE"',
    { FILE: file },
  );
  const [bytes, sum] = out.split('\n');
  return { bytes: Number(bytes), sha256: sum.split(' ')[0], ms: Date.now() - begun };
}

/** compose/restore.sh on `node` from `file` there; its closing line and duration. */
export async function restoreBackup(node, file = BACKUP_FILE, { force = false } = {}) {
  const begun = Date.now();
  const out = await inNode(node, `compose/restore.sh ${force ? '--force ' : ''}<"$FILE"`, { FILE: file });
  return { output: out.split('\n').at(-1), ms: Date.now() - begun };
}

/**
 * Moves a file from one node to another (binary-safe: a pipe between two `docker exec`, not through a
 * string), as an operator copies a backup off the db node; its SHA-256 on arrival.
 */
export async function moveFile(from, to, file = BACKUP_FILE) {
  await run(
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      'docker exec "musicapp-$FROM" cat "$FILE" | docker exec -i "musicapp-$TO" sh -c \'mkdir -p "$(dirname "$1")" && cat >"$1"\' sh "$FILE"',
    ],
    { env: { FROM: from, TO: to, FILE: file } },
  );
  await inNode(from, 'rm -f "$FILE"', { FILE: file });
  return (await inNode(to, 'sha256sum "$FILE"', { FILE: file })).split(' ')[0];
}

/**
 * `docker stack rm`, then waits until no node has a container or network of the stack left: the command
 * returns at once, and a deploy before every node has let go of the stack's networks leaves tasks
 * without them. Resolves with the milliseconds it took.
 */
export async function removeStack(manager, namespace = 'musicapp', { timeoutMs = 120_000 } = {}) {
  const begun = Date.now();
  await inNode(manager, `docker stack rm ${namespace} >/dev/null`);
  const label = `label=com.docker.stack.namespace=${namespace}`;
  for (;;) {
    const left = (
      await Promise.all(
        NODES.map((n) => inNode(n, `docker ps -q --filter ${label}; docker network ls -q --filter ${label}`)),
      )
    )
      .join('')
      .trim();
    if (!left) return Date.now() - begun;
    if (Date.now() - begun > timeoutMs) throw new Error(`the stack ${namespace} did not go away`);
    await sleep(1000);
  }
}

/** Removes the db's named volume on its node (a stopped container may hold it for a moment longer). */
export async function removeDbVolume(node, volume = DB_VOLUME, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const error = await inNode(node, `docker volume rm ${volume} >/dev/null`).then(
      () => null,
      (e) => e,
    );
    if (!error) return;
    if (/no such volume/i.test(error.message)) throw new Error(`${node} has no volume ${volume}`);
    if (Date.now() > deadline) throw error;
    await sleep(1000);
  }
}

/** Scales the api with compose/scale.sh and, at 0, waits until no api container is left on any node. */
export async function scaleApi(manager, replicas, { timeoutMs = 90_000 } = {}) {
  await inNode(manager, `compose/scale.sh api ${replicas} >/dev/null 2>&1`);
  const deadline = Date.now() + timeoutMs;
  while (replicas === 0 && (await containersOf('api')).length > 0) {
    if (Date.now() > deadline) throw new Error('api containers still running after scaling to 0');
    await sleep(1000);
  }
}

/**
 * The whole drill, as one runbook check, on a running stack with reservations in it:
 *   1. fingerprint; compose/backup.sh on the db node while `load` (optional) runs; fingerprint again;
 *   2. the dump moved to `keepNode`, off the db node, as an operator keeps it;
 *   3. `docker stack rm`, the db volume removed, compose/deploy.sh: a fresh stack from reservasi.sql;
 *   4. api scaled to 0, the dump moved back and compose/restore.sh run, api scaled back, converged;
 *   5. the restore compared with the fingerprints (restoredMismatches) and the seat counters checked.
 * compose/deploy.sh gets REGISTRY and TAG, plus `deployEnv` (e.g. MUSICAPP_DEPLOY_ENV_FILE, so that
 * the fresh stack uses the secrets in use after a rotation).
 * `load` starts traffic and returns { stop() } resolving with { failed, text } (the runbook's
 * mixedLoad), reservations included or not; `serving` (optional) waits until the proxies serve again
 * and resolves with its milliseconds (waitUntilServing). Takes 3–5 minutes. Resolves with
 * { pass, result }; throws when a step fails (the api is scaled back even when the restore fails).
 */
export async function backupAndRestore({
  manager,
  registry,
  tag,
  deployEnv = {},
  db = stackDb(),
  dbNode = manager,
  keepNode = NODES[1],
  load,
  serving,
}) {
  const begun = Date.now();
  const before = await fingerprint(db);
  const traffic = load?.();
  if (traffic) await sleep(1500);
  const backup = await takeBackup(dbNode);
  const trafficResult = traffic ? await traffic.stop() : null;
  const settled = await fingerprint(db);
  const keptSum = await moveFile(dbNode, keepNode);

  const replicas = Number(
    await inNode(
      manager,
      "docker service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' musicapp_api",
    ),
  );
  const removedMs = await removeStack(manager);
  await removeDbVolume(dbNode);
  await inNode(manager, 'compose/deploy.sh >/dev/null', { REGISTRY: registry, TAG: tag, ...deployEnv });
  await waitForStack(manager, 'musicapp', { timeoutMs: 6 * 60_000 });
  const fresh = await fingerprint(db);

  await scaleApi(manager, 0);
  let backSum;
  let restored;
  try {
    backSum = await moveFile(keepNode, dbNode);
    restored = await restoreBackup(dbNode);
  } finally {
    // Also after a failed restore: the checks after this one need an api.
    await scaleApi(manager, replicas);
  }
  await waitForStack(manager, 'musicapp', { timeoutMs: 3 * 60_000 });
  const servingMs = serving ? await serving() : null;
  const after = await fingerprint(db);
  const seats = await seatDrift(db);

  const mismatch = restoredMismatches(before, settled, after);
  const writtenDuringDump = differences(before, settled);
  const routines = Object.keys(after).filter((name) => name.startsWith('routine '));
  const tables = Object.keys(after).length - routines.length;
  const rows = (name) => after[name]?.rows ?? 0;
  const copied = keptSum === backup.sha256 && backSum === backup.sha256;
  const reservations = before.reservations?.rows ?? 0;
  let verdict;
  if (mismatch.length) verdict = `DIFFERENT after the restore: ${mismatch.join(', ')}`;
  else if (writtenDuringDump.length) {
    verdict = `${tables} tables and ${routines.length} routine(s) as dumped (written during the dump, within their counts before and after it: ${writtenDuringDump.join(', ')})`;
  } else verdict = `${tables} tables and ${routines.length} routine(s) identical to before`;
  return {
    pass:
      reservations > 0 &&
      fresh.reservations?.rows === 0 &&
      copied &&
      routines.includes('routine reserve_seats') &&
      mismatch.length === 0 &&
      seats.drift === 0 &&
      (!trafficResult || trafficResult.failed === 0),
    result:
      `backup ${(backup.bytes / 1024).toFixed(0)} KiB in ${seconds(backup.ms)}` +
      (trafficResult ? ` under load (${trafficResult.text}; failed ${trafficResult.failed})` : '') +
      `, kept on ${keepNode}${copied ? '' : ' (the copy CHANGED on the way)'}; ` +
      `stack and ${DB_VOLUME} gone in ${seconds(removedMs)}, the fresh stack had ${fresh.reservations?.rows ?? '?'} reservations; ` +
      `${restored.output.replace(/;.*$/, '')}; ${verdict}` +
      (reservations > 0 ? '' : ' (NO reservation to back up: nothing proven)') +
      `: ${rows('reservations')} reservations, ${rows('users')} users, ${rows('shows')} shows, ${rows('playlists')} playlists;` +
      ` seat counters off on ${seats.drift} of ${seats.shows} shows` +
      (servingMs === null ? '' : `; serving ${seconds(servingMs)} after convergence`) +
      `; ${seconds(Date.now() - begun)} in all`,
  };
}
