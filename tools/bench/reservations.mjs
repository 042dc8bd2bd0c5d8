#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import { startBenchApi } from './api-process.mjs';
import { atEnd, benchDatabase, connectTo, runBench } from './bench-run.mjs';
import { reportProfile } from './cpu-profile.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    replicas: { type: 'string', default: '3' },
    fans: { type: 'string', default: '6000' },
    profile: { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const REPLICAS = Number(args.replicas);
const FANS = Number(args.fans);
const ACCESS_KEY = randomBytes(32).toString('hex');

const token = (id, role) =>
  jwt.sign({ sub: id, role, typ: 'access' }, ACCESS_KEY, { algorithm: 'HS256', expiresIn: 3600 });

async function createShows(base, adminToken, count) {
  const ids = [];
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/shows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `Bench show ${i}`,
        performer: 'Bench Band',
        venue: 'Loopback Hall',
        startsAt,
        capacity: 1_000_000,
      }),
    });
    if (res.status !== 201) throw new Error(`create show: ${res.status} ${await res.text()}`);
    ids.push((await res.json()).data.showId);
  }
  return ids;
}

/**
 * One autocannon per replica, connections split between them. Each request takes the next
 * (fan, show) pair, so no fan goes over the 6-seats-per-show limit during the run.
 */
async function run(name, bases, fans, showIds) {
  let counter = 0;
  const statuses = new Map();
  // 64 connections over 3 replicas: 22 + 21 + 21.
  const connectionsOf = (i) =>
    Math.floor(CONNECTIONS / bases.length) + (i < CONNECTIONS % bases.length ? 1 : 0);
  const instance = (url, i) =>
    autocannon({
      url,
      connections: connectionsOf(i),
      duration: DURATION,
      skipAggregateResult: true, // the three runs' latencies are merged below
      requests: [
        {
          method: 'POST',
          path: '/reservations',
          setupRequest: (request) => {
            const n = counter++;
            const show = showIds[n % showIds.length];
            const fan = fans[Math.floor(n / showIds.length) % fans.length];
            request.headers = { authorization: `Bearer ${fan.token}`, 'content-type': 'application/json' };
            request.body = JSON.stringify({ showId: show, seats: 1 });
            return request;
          },
          onResponse: (status) => statuses.set(status, (statuses.get(status) ?? 0) + 1),
        },
      ],
    });
  const results = await Promise.all(bases.map(instance));
  const all = autocannon.aggregateResult(results, { url: bases[0], connections: CONNECTIONS });
  const confirmedPerSecond = (statuses.get(201) ?? 0) / DURATION;
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
  return {
    scenario: name,
    connections: CONNECTIONS,
    'reservations/s': Math.round(confirmedPerSecond),
    'p50 ms': all.latency.p50,
    'p99 ms': all.latency.p99,
    statuses: JSON.stringify(Object.fromEntries(statuses)),
    '5xx': fivexx,
    errors: all.errors + all.timeouts,
    booked: statuses.get(201) ?? 0,
  };
}

async function invariant(db, showIds, booked) {
  const [rows] = await db.query(
    `select s.id, s.capacity, s.reserved,
            (select coalesce(sum(r.seats), 0) from reservations r where r.show_id = s.id and r.status = 'confirmed') as confirmed,
            (select count(*) from reservations r where r.show_id = s.id) as reservations
       from shows s where s.id in (?)`,
    [showIds],
  );
  const oversold = rows.filter(
    (r) => Number(r.confirmed) > Number(r.capacity) || Number(r.reserved) > Number(r.capacity),
  );
  const drift = rows.filter((r) => Number(r.confirmed) !== Number(r.reserved));
  const total = rows.reduce((sum, r) => sum + Number(r.reservations), 0);
  return {
    oversold: oversold.length,
    'reserved≠confirmed': drift.length,
    // Requests still in flight when the load stopped complete after it, uncounted: rows ≥ 201s.
    'every 201 stored': total >= booked ? 'yes' : `NO (${total} rows for ${booked} × 201)`,
    'done after stop': total - booked,
  };
}

async function main() {
  const database = await benchDatabase();

  // The first replica migrates the database; with --profile it also records a CPU profile.
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), 'musicapp-profile-')) : null;
  const apis = [];
  for (let i = 0; i < REPLICAS; i++) {
    const api = await startBenchApi({
      database,
      env: { LOG_LEVEL: 'warn', ACCESS_TOKEN_KEY: ACCESS_KEY }, // warnings and errors explain any 5xx
      profileDir: i === 0 ? profileDir : null,
      showLogs: true,
    });
    atEnd(() => api.kill());
    apis.push(api);
  }
  const bases = apis.map((api) => api.base);
  const db = await connectTo(database);

  // Fans and an admin, inserted directly; their tokens are signed with the replicas' key.
  const users = Array.from({ length: FANS + 1 }, (_, i) => [
    `user-bench${randomBytes(8).toString('hex')}`,
    `bench-fan-${i}`,
    '!',
    'Bench Fan',
    i === 0 ? 'admin' : 'user',
    Date.now(),
  ]);
  for (let i = 0; i < users.length; i += 1000) {
    await db.query('insert into users (id, username, password_hash, fullname, role, created_at) values ?', [
      users.slice(i, i + 1000),
    ]);
  }
  const adminToken = token(users[0][0], 'admin');
  const fans = users.slice(1).map(([id]) => ({ id, token: token(id, 'user') }));

  const hot = await createShows(bases[0], adminToken, 1);
  const spread = await createShows(bases[0], adminToken, 100);

  const table = [];
  // A short warm-up on a throw-away show, so JIT and connection pools are hot.
  const warm = await createShows(bases[0], adminToken, 1);
  await run('warm-up', bases, fans, warm);

  for (const [name, shows] of [
    ['one hot show', hot],
    ['spread over 100 shows', spread],
  ]) {
    const row = await run(name, bases, fans.slice(name === 'one hot show' ? 0 : fans.length / 2), shows);
    table.push({ ...row, ...(await invariant(db, shows, row.booked)) });
    console.log(JSON.stringify(table.at(-1)));
  }
  console.log('\n== POST /reservations through', REPLICAS, 'api processes ==');
  console.table(table.map(({ booked: _booked, ...rest }) => rest));
  if (profileDir) {
    await apis[0].stop();
    reportProfile('the api under POST /reservations (replica 1, both scenarios)', profileDir);
  }
}

await runBench(main);
