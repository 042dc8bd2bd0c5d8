import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';

/**
 * A running autocannon load that counts every answer by status, and notes when each status was first
 * and last answered (`spans`). Bounded: it stops after `seconds`, or earlier with stop(). A failed
 * request is a connection error, a timeout or a status not in `ok`; requests cut off by the stop itself
 * are not failures.
 */
export function startLoad({ url, connections, seconds, ok = [200], requests, method = 'GET', path = '/' }) {
  const statuses = new Map();
  const spans = {}; // status → [first, last] time it was answered (ms)
  const count = (status) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const now = Date.now();
    spans[status] = [spans[status]?.[0] ?? now, now];
  };
  const latencies = [];
  const instance = autocannon({
    url,
    connections,
    duration: seconds + 30, // ended by the timer below, which stops counting first
    timeout: 10,
    requests: (requests ?? [{ method, path }]).map((request) => ({
      ...request,
      onResponse: (status) => count(status),
    })),
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  // Connection errors and timeouts, not counting requests cut off by stop() itself.
  let stopping = false;
  let errors = 0;
  instance.on('reqError', () => {
    if (!stopping) errors += 1;
  });
  const done = instance.then((result) => {
    const failed =
      errors + [...statuses].filter(([status]) => !ok.includes(status)).reduce((sum, [, n]) => sum + n, 0);
    return {
      seconds: result.duration || seconds,
      requests: result.requests.total,
      perSecond: Math.round(result.requests.total / (result.duration || seconds)),
      p99: result.latency.p99,
      statuses: Object.fromEntries(statuses),
      spans,
      errors,
      failed,
      latencies,
    };
  });
  const stop = () => {
    clearTimeout(timer);
    stopping = true;
    instance.stop();
    return done;
  };
  const timer = setTimeout(stop, seconds * 1000);
  return { statuses, stop, done };
}

/** Several measurements of the same thing as one: total rate, p99 over every latency, all statuses. */
export function combine(results) {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const statuses = {};
  for (const r of results) {
    for (const [status, n] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  }
  const sum = (key) => results.reduce((total, r) => total + r[key], 0);
  return {
    seconds: sum('seconds'),
    requests: sum('requests'),
    perSecond: Math.round(sum('requests') / sum('seconds')),
    p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
    statuses,
    errors: sum('errors'),
    failed: sum('failed'),
    latencies,
  };
}

export const statusText = (statuses) =>
  Object.entries(statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ') || '—';

/**
 * Fans for reservation load, inserted straight into the database (bcrypt for thousands of accounts
 * would dominate the load) with access tokens signed by the stack's own key, as a login would.
 */
export async function createFans(db, accessTokenKey, count) {
  const rows = Array.from({ length: count }, (_, i) => [
    `user-load${randomBytes(8).toString('hex')}`,
    `load-fan-${i}-${randomBytes(3).toString('hex')}`,
    '!',
    'Load Fan',
    'user',
    Date.now(),
  ]);
  for (let i = 0; i < rows.length; i += 1000) {
    await db.query('insert into users (id, username, password_hash, fullname, role, created_at) values ?', [
      rows.slice(i, i + 1000),
    ]);
  }
  return rows.map(([id]) => ({ id, token: accessToken(accessTokenKey, id, 'user') }));
}

/** An access token for the account `sub` with `role`, signed with the stack's key as a login would. */
export const accessToken = (accessTokenKey, sub, role) =>
  jwt.sign({ sub, role, typ: 'access' }, accessTokenKey, { algorithm: 'HS256', expiresIn: 3600 });

/** POST /reservations requests that walk through (fan, show) pairs: one seat each, never a fan's 7th. */
export function reservationRequests(fans, showIds) {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/reservations',
      setupRequest: (request) => {
        const i = n++;
        const fan = fans[Math.floor(i / showIds.length) % fans.length];
        request.headers = { authorization: `Bearer ${fan.token}`, 'content-type': 'application/json' };
        request.body = JSON.stringify({ showId: showIds[i % showIds.length], seats: 1 });
        return request;
      },
    },
  ];
}

export async function createShow(base, token, { title, capacity }) {
  const res = await fetch(`${base}/shows`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      performer: 'Load Band',
      venue: 'Loopback Hall',
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      capacity,
    }),
  });
  if (res.status !== 201) throw new Error(`POST /shows: ${res.status} ${await res.text()}`);
  return (await res.json()).data.showId;
}

/** For every show: confirmed seats within capacity, `reserved` equal to them, every 201 stored. */
export async function seatInvariant(db, showIds, created) {
  const [rows] = await db.query(
    `select s.capacity, s.reserved,
            (select coalesce(sum(r.seats), 0) from reservations r where r.show_id = s.id and r.status = 'confirmed') as confirmed
       from shows s where s.id in (?)`,
    [showIds],
  );
  const confirmed = rows.reduce((sum, r) => sum + Number(r.confirmed), 0);
  return {
    oversold: rows.filter((r) => Number(r.confirmed) > Number(r.capacity)).length,
    drift: rows.filter((r) => Number(r.confirmed) !== Number(r.reserved)).length,
    confirmed,
    // A request in flight when the load stopped may complete uncounted: rows ≥ 201s.
    lost: Math.max(0, created - confirmed),
  };
}

/**
 * GETs of the api and pages of the web, plus reservations when `fans` are given, all at once; stop()
 * resolves with each load's result, `failed` over all of them and a `text` for a check's result.
 */
export function mixedLoad({ api, web, fans, showId, seconds = 300 }) {
  const loads = {
    gets: startLoad({ url: api, path: '/shows', connections: 4, seconds }),
    pages: startLoad({ url: web, path: '/shows', connections: 2, seconds }),
  };
  if (fans) {
    loads.posts = startLoad({
      url: api,
      connections: 2,
      seconds,
      requests: reservationRequests(fans, [showId]),
      ok: [201, 409],
    });
  }
  return {
    async stop() {
      const out = {};
      for (const [name, load] of Object.entries(loads)) out[name] = await load.stop();
      out.failed = Object.values(out).reduce((sum, r) => sum + r.failed, 0);
      out.text = Object.entries(out)
        .filter(([name]) => loads[name])
        .map(([name, r]) => `${name} ${r.requests} (${statusText(r.statuses)})`)
        .join(', ');
      return out;
    },
  };
}

/**
 * Runs `work` while `load` (a startLoad or mixedLoad) runs, then stops the load, also when `work`
 * fails: a failed check does not leave its load running into the next one. Resolves with
 * { value: what work resolved with, load: the load's result }.
 */
export async function duringLoad(load, work) {
  let value;
  try {
    value = await work();
  } catch (error) {
    await load.stop().catch(() => {});
    throw error;
  }
  return { value, load: await load.stop() };
}
