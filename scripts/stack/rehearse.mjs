#!/usr/bin/env node
// `npm run stack:rehearse`: docker-compose.yaml's topology run as processes on loopback, then put
// under faults, bounded in time, with a table of results. Only the database runs in Docker:
//   db             the stack's db image in a container, with the service's command flags, environment
//                  and secrets, initialised from reservasi.sql through /docker-entrypoint-initdb.d
//   api ×N, web ×N as many processes as the stack's replicas, each running its image's CMD with the
//                  service's environment and the secrets as files (*_FILE), like swarm's /run/secrets
//   nginx-*        Debian's nginx running the real templates, rendered for loopback upstreams
// Checks: the browser journeys through nginx-frontend; proxy behaviour; load through nginx-backend vs one
// api; kill -9 of an api replica under load; a rolling update of every api and web replica under
// load; a database restart under load. Exit code 1 when any check misses its target.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startStackDb } from '../engine/stack-db.mjs';
import { prepareWebApp, startReplica } from './rehearsal/app-processes.mjs';
import {
  adminToken,
  combine,
  createFans,
  createShow,
  reservationRequests,
  seatInvariant,
  startLoad,
  statusText,
} from './rehearsal/load.mjs';
import { accessLogSince, startNginx } from './rehearsal/nginx-proxy.mjs';
import { freePort, killAll, run } from './rehearsal/processes.mjs';
import { durationSeconds, loadStack, replicasOf, repoRoot } from './stack-file.mjs';

// --checks=smoke,proxy,… runs some checks only (while working on one); --keep keeps the work directory
// (rendered configs, nginx and database logs); --load-seconds sets each load measurement's length.
const { values: options } = parseArgs({
  options: {
    checks: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'load-seconds': { type: 'string', default: '5' },
  },
});
const TIME_LIMIT_MS = 12 * 60_000;
const LOAD_SECONDS = Number(options['load-seconds']);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const results = [];
function record(check, target, pass, result) {
  results.push({ check, target, result, pass });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${check}: ${result}`);
}

const stack = loadStack('docker-compose.yaml');
const work = mkdtempSync(join(tmpdir(), 'musicapp-rehearsal-'));
chmodSync(work, 0o755); // nginx workers run as an unprivileged user when the rehearsal runs as root
/** The db container (the only piece that is not a child process here); removed however the run ends. */
let dbServer = null;
const watchdog = setTimeout(() => {
  console.error(`rehearsal: over ${TIME_LIMIT_MS / 60_000} minutes; stopping everything`);
  killAll();
  if (dbServer) spawnSync('docker', ['rm', '--force', '--volumes', dbServer.name]);
  process.exit(1);
}, TIME_LIMIT_MS);

// --- Secrets: random values in files, read through the services' *_FILE variables -------------------
const secretsDir = join(work, 'secrets');
mkdirSync(secretsDir, { mode: 0o700 });
const secrets = {};
for (const key of Object.keys(stack.secrets)) {
  secrets[key] = randomBytes(24).toString('base64url');
  writeFileSync(join(secretsDir, key), secrets[key], { mode: 0o600 });
}
/** A service's environment from the stack file, /run/secrets/<name> pointing at our files. */
function serviceEnv(name) {
  const env = {};
  for (const [key, value] of Object.entries(stack.services[name].environment ?? {})) {
    env[key] = String(value).replace(/^\/run\/secrets\//, `${secretsDir}/`);
  }
  return env;
}
const readSecret = (fileVariable) => secrets[fileVariable.replace(/^\/run\/secrets\//, '')];

/** Upstream server lines for loopback ports, with the stack's parameters (max_fails…) kept. */
function serverLines(stackValue, ports) {
  const params = stackValue
    .replace(/^server\s+\S+\s*/, '')
    .replace(/\bresolve\b\s*/, '')
    .replace(/;\s*$/, '');
  return ports.map((port) => `server 127.0.0.1:${port} ${params};`).join(' ');
}

async function main() {
  const replicas = { api: replicasOf(stack.services.api), web: replicasOf(stack.services.web) };
  console.log(`rehearsing docker-compose.yaml: api ×${replicas.api}, web ×${replicas.web}, in ${work}`);

  // --- db ------------------------------------------------------------------------------------------
  const dbEnv = serviceEnv('db');
  const initConfig = stack.services.db.configs.find((c) =>
    c.target.startsWith('/docker-entrypoint-initdb.d/'),
  );
  const started = Date.now();
  const files = { [initConfig.target]: resolve(repoRoot, stack.configs[initConfig.source].file) };
  for (const { source, target = source } of stack.services.db.secrets) {
    files[target.startsWith('/') ? target : `/run/secrets/${target}`] = join(secretsDir, source);
  }
  dbServer = await startStackDb({
    purpose: 'rehearsal-db',
    env: stack.services.db.environment,
    files,
    rootPassword: readSecret(stack.services.db.environment.MYSQL_ROOT_PASSWORD_FILE),
    log: console.log,
  });
  const connectDb = () => dbServer.connect({ database: dbEnv.MYSQL_DATABASE });
  const db = await connectDb();

  // --- api replicas, then nginx-backend --------------------------------------------------------------
  const apiEnv = serviceEnv('api');
  const apiOverrides = { HOST: '127.0.0.1', DB_HOST: '127.0.0.1', DB_PORT: String(dbServer.port) };
  const startApi = (i, port) =>
    startReplica({
      port,
      service: 'api',
      name: `api.${i}`,
      dockerfile: stack.services.api.build.dockerfile,
      cwd: repoRoot,
      env: apiEnv,
      overrides: apiOverrides,
      healthPath: '/ready',
    });
  const apis = [];
  for (let i = 1; i <= replicas.api; i++) apis.push(await startApi(i));
  // reservasi.sql stamps its migrations with a fixed time; a migration the api ran would carry today's.
  const [[{ recorded, byApi }]] = await db.query(
    "select count(*) as recorded, sum(migration_time <> '2026-01-01 00:00:00') as byApi from knex_migrations",
  );
  record(
    'start-up',
    'reservasi.sql initialises the db; api start-up migration is a no-op',
    recorded > 0 && Number(byApi) === 0,
    `db + ${apis.length} api ready in ${((Date.now() - started) / 1000).toFixed(1)} s; ${recorded} migrations ` +
      `from reservasi.sql, ${Number(byApi)} applied by the api`,
  );

  // In the stack nginx finds replicas by DNS (`tasks.api`, re-resolved every 5 s), so replicas come and
  // go without a reload. Here the upstream lists every replica's port plus one spare port where the next
  // replica of a rolling update starts: nothing listening is a refused connection, which nginx retries on
  // another replica (even a POST: it was never sent) and then skips for fail_timeout.
  const spare = { api: await freePort(), web: await freePort() };
  const backendEnv = serviceEnv('nginx-backend');
  const backend = await startNginx(join(work, 'nginx-backend'), 'nginx-backend', {
    ...backendEnv,
    NGINX_PORT: String(await freePort()),
    NGINX_API_SERVERS: serverLines(backendEnv.NGINX_API_SERVERS, [...apis.map((a) => a.port), spare.api]),
    NGINX_RESOLVER: '127.0.0.1',
    NGINX_TRUSTED_PROXIES: '127.0.0.1/32',
    // Every journey and load client here is 127.0.0.1: one client, so the per-client login limit is
    // raised for the rehearsal (the "proxy behaviour" check tests the limit itself).
    NGINX_LOGIN_RATE: '6000r/m',
  });

  // --- web replicas, then nginx-frontend -----------------------------------------------------------
  const webApp = prepareWebApp();
  const webEnv = serviceEnv('web');
  const startWeb = (i, port) =>
    startReplica({
      port,
      service: 'web',
      name: `web.${i}`,
      dockerfile: stack.services.web.build.dockerfile,
      cwd: webApp,
      env: webEnv,
      overrides: { HOSTNAME: '127.0.0.1', API_URL: backend.base },
      healthPath: '/api/health',
    });
  const webs = [];
  for (let i = 1; i <= replicas.web; i++) webs.push(await startWeb(i));
  const frontendEnv = serviceEnv('nginx-frontend');
  const frontend = await startNginx(join(work, 'nginx-frontend'), 'nginx-frontend', {
    ...frontendEnv,
    NGINX_PORT: String(await freePort()),
    NGINX_WEB_SERVERS: serverLines(frontendEnv.NGINX_WEB_SERVERS, [...webs.map((w) => w.port), spare.web]),
    NGINX_RESOLVER: '127.0.0.1',
    NGINX_CACHE_DIR: join(work, 'nginx-frontend/cache'),
  });
  console.log(`nginx-frontend ${frontend.base}, nginx-backend ${backend.base}`);

  const admin = await adminToken(db, secrets.access_token_key, apiEnv.ADMIN_USERNAME);

  const only = options.checks?.split(',');
  const wanted = (name) => !only || only.includes(name);
  if (wanted('smoke')) await smoke({ frontend, backend });
  if (wanted('proxy')) await proxyBehaviour({ frontend, backend });
  if (wanted('load')) await loadComparison({ backend, apis, db, admin });
  if (wanted('replica-loss')) await replicaLoss({ backend, apis, startApi });
  if (wanted('rolling-update')) {
    await rollingUpdate({
      backend,
      frontend,
      apis,
      webs,
      startApi,
      startWeb,
      spare,
      db,
      admin,
    });
  }
  if (wanted('db-restart')) await databaseRestart({ backend, apis, connectDb, db });
  else await db.end();

  for (const proc of [frontend, ...webs, backend, ...apis]) await proc.stop();
}

// --- Checks ------------------------------------------------------------------------------------------

async function smoke({ frontend, backend }) {
  const started = Date.now();
  const output = await run(
    join(repoRoot, 'node_modules/.bin/tsx'),
    ['--test', '--test-concurrency=1', 'e2e/journeys.e2e.ts'],
    {
      cwd: join(repoRoot, 'apps/web'),
      env: {
        E2E_WEB_URL: frontend.base,
        E2E_API_URL: backend.base,
        E2E_ADMIN_USERNAME: stack.services.api.environment.ADMIN_USERNAME,
        E2E_ADMIN_PASSWORD: readSecret(stack.services.api.environment.ADMIN_PASSWORD_FILE),
        E2E_SCREENSHOTS_DIR: join(work, 'screenshots'),
        CHROMIUM_PATH: CHROMIUM,
        HOME: process.env.HOME ?? work,
      },
    },
  ).then(
    (out) => ({ ok: true, out }),
    (error) => ({ ok: false, out: error.message }),
  );
  const passed = output.out.match(/# pass (\d+)/)?.[1] ?? '0';
  const failed = output.out.match(/# fail (\d+)/)?.[1] ?? '?';
  if (!output.ok) console.error(output.out.slice(-4000));
  record(
    'smoke: browser journeys through nginx-frontend',
    'every journey passes',
    output.ok && failed === '0',
    `${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s (register → search → playlist → reserve → cancel → log out, …)`,
  );
}

async function proxyBehaviour({ frontend, backend }) {
  const problems = [];
  const page = await fetch(`${frontend.base}/shows`, { headers: { 'accept-encoding': 'gzip' } });
  if (page.status !== 200) problems.push(`/shows ${page.status}`);
  for (const header of ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'x-request-id']) {
    if (!page.headers.get(header)) problems.push(`frontend lacks ${header}`);
  }
  if (page.headers.get('content-encoding') !== 'gzip') problems.push('frontend page not gzipped');
  if (/\d/.test(page.headers.get('server') ?? '')) problems.push('frontend shows its version');
  const html = await page.text();
  const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  if (asset) {
    const since = Date.now();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${frontend.base}${asset}`);
      await res.arrayBuffer();
      if (res.status !== 200 || !/max-age=\d{7,}/.test(res.headers.get('cache-control') ?? '')) {
        problems.push(`${asset} → ${res.status} ${res.headers.get('cache-control')}`);
        break;
      }
    }
    await sleep(1000); // the access log is flushed every 500 ms
    const hits = accessLogSince(frontend.accessLog, since).filter((e) => e.uri === asset);
    if (hits.filter((e) => e.upstream !== '-').length > 1) problems.push('static files not cached by nginx');
  } else problems.push('no /_next/static asset in the page');

  const id = `rehearsal-${randomBytes(4).toString('hex')}`;
  const api = await fetch(`${backend.base}/shows`, { headers: { 'x-request-id': id } });
  if (api.headers.get('x-request-id') !== id) problems.push('X-Request-ID not passed through');
  const generated = await fetch(`${backend.base}/health`);
  if (!generated.headers.get('x-request-id')) problems.push('no X-Request-ID generated');
  const big = await fetch(`${backend.base}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'x'.repeat(2_000_000) }),
  });
  const bigBody = await big.json().catch(() => null);
  if (big.status !== 413 || bigBody?.status !== 'fail') problems.push(`oversized body → ${big.status}`);
  const healthz = await fetch(`${backend.base}/healthz`);
  if (healthz.status !== 200) problems.push('nginx-backend /healthz');

  // The login limit as the stack sets it (10r/m, burst 5), on a proxy of its own: the 7th quick
  // attempt from one client is refused by nginx with the api's envelope.
  const limited = await startNginx(join(work, 'nginx-login-limit'), 'nginx-backend', {
    ...serviceEnv('nginx-backend'),
    NGINX_PORT: String(await freePort()),
    NGINX_API_SERVERS: `server 127.0.0.1:${new URL(backend.base).port};`,
    NGINX_RESOLVER: '127.0.0.1',
    NGINX_TRUSTED_PROXIES: '127.0.0.1/32',
  });
  const statuses = [];
  for (let i = 0; i < 8; i++) {
    const res = await fetch(`${limited.base}/authentications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `nobody${i}`, password: 'wrong-password' }),
    });
    statuses.push(res.status);
    if (res.status === 429 && (await res.json()).status !== 'fail') problems.push('429 without the envelope');
  }
  await limited.stop();
  if (!statuses.includes(429) || statuses.slice(0, 6).includes(429)) {
    problems.push(`login limit: ${statuses.join(',')}`);
  }
  record(
    'proxy behaviour',
    'headers, gzip, static cache, request id, body limit, login limit',
    problems.length === 0,
    problems.length ? problems.join('; ') : `all as configured (logins: ${statuses.join(' ')})`,
  );
}

async function loadComparison({ backend, apis, db, admin }) {
  const connections = 32; // enough to keep three replicas busy through the proxy
  const measure = (url, options) => startLoad({ url, connections, seconds: LOAD_SECONDS, ...options }).done;
  // Warm-up, then the same requests straight to one api process and through nginx to all replicas,
  // alternated three times so a slow moment of the shared machine does not land on one side only.
  await measure(backend.base, { path: '/shows' });
  const rounds = { direct: [], proxied: [] };
  for (let round = 0; round < 3; round++) {
    rounds.direct.push(await measure(apis[0].base, { path: '/shows' }));
    rounds.proxied.push(await measure(backend.base, { path: '/shows' }));
  }
  console.log(
    `GET /shows rounds, req/s: direct ${rounds.direct.map((r) => r.perSecond).join(', ')}; ` +
      `proxied ${rounds.proxied.map((r) => r.perSecond).join(', ')}`,
  );
  const directShows = combine(rounds.direct);
  const proxiedShows = combine(rounds.proxied);
  const ratio = proxiedShows.perSecond / directShows.perSecond;
  record(
    'load: GET /shows, nginx-backend → 3 api vs 1 api direct (3 rounds each)',
    '≥ 70% of direct, no failures',
    ratio >= 0.7 && directShows.failed === 0 && proxiedShows.failed === 0,
    `${proxiedShows.perSecond} vs ${directShows.perSecond} req/s (${Math.round(ratio * 100)}%), ` +
      `p99 ${proxiedShows.p99} vs ${directShows.p99} ms, failed ${proxiedShows.failed}/${directShows.failed} ` +
      `(${statusText(proxiedShows.statuses)}, ${proxiedShows.errors} errors)`,
  );

  const key = secrets.access_token_key;
  const fans = await createFans(db, key, 6000);
  const showsDirect = [await createShow(apis[0].base, admin, { title: 'Load direct', capacity: 1_000_000 })];
  const showsProxied = [
    await createShow(apis[0].base, admin, { title: 'Load proxied', capacity: 1_000_000 }),
  ];
  const ok = [201];
  const direct = await measure(apis[0].base, { requests: reservationRequests(fans, showsDirect), ok });
  const proxied = await measure(backend.base, {
    requests: reservationRequests(fans.slice(3000), showsProxied),
    ok,
  });
  const invariant = await seatInvariant(
    db,
    [...showsDirect, ...showsProxied],
    direct.statuses[201] + proxied.statuses[201],
  );
  const postRatio = proxied.perSecond / direct.perSecond;
  record(
    'load: POST /reservations, nginx-backend → 3 api vs 1 api direct',
    'no failures, no oversell, every 201 stored',
    direct.failed === 0 &&
      proxied.failed === 0 &&
      invariant.oversold === 0 &&
      invariant.drift === 0 &&
      invariant.lost === 0,
    `${proxied.perSecond} vs ${direct.perSecond} req/s (${Math.round(postRatio * 100)}%), p99 ${proxied.p99} vs ${direct.p99} ms, ` +
      `failed ${proxied.failed}/${direct.failed}, oversold ${invariant.oversold}, lost ${invariant.lost}`,
  );
}

async function replicaLoss({ backend, apis, startApi }) {
  const load = startLoad({ url: backend.base, path: '/shows', connections: 8, seconds: 9 });
  await sleep(2500);
  const victim = apis[1];
  const killedAt = Date.now();
  await victim.stop('SIGKILL');
  await sleep(2000);
  // The swarm restart policy starts a new task; here the same replica comes back on its port.
  const replacement = await startApi(2, victim.port);
  apis[1] = replacement;
  const result = await load.done;
  const back = Date.now();
  await sleep(500);
  for (let i = 0; i < 60; i++) await fetch(`${backend.base}/shows`).then((r) => r.arrayBuffer());
  await sleep(1000); // the access log is flushed every 500 ms
  const served = accessLogSince(backend.accessLog, back).filter((e) =>
    e.upstream.includes(`:${replacement.port}`),
  );
  record(
    'replica loss: kill -9 one api under GET load',
    'zero failed GETs; the restarted replica takes traffic',
    result.failed === 0 && served.length > 0,
    `${result.requests} GETs, ${result.failed} failed (${statusText(result.statuses)}), p99 ${result.p99} ms; ` +
      `restarted ${((back - killedAt) / 1000).toFixed(1)} s after the kill, then served ${served.length}/60`,
  );
}

async function rollingUpdate(ctx) {
  const { backend, frontend, apis, webs, startApi, startWeb, spare, db, admin } = ctx;
  const showId = await createShow(apis[0].base, admin, { title: 'Rolling update', capacity: 300 });
  const fans = await createFans(db, secrets.access_token_key, 2000);
  const seconds = 120; // stopped as soon as the update is done
  const gets = startLoad({ url: backend.base, path: '/shows', connections: 6, seconds });
  const posts = startLoad({
    url: backend.base,
    connections: 4,
    seconds,
    requests: reservationRequests(fans, [showId]),
    ok: [201, 409],
  });
  const pages = startLoad({ url: frontend.base, path: '/shows', connections: 2, seconds });
  await sleep(1500);

  const started = Date.now();
  // As swarm's update_config does: one task at a time, start-first (the new replica starts on the spare
  // port and is healthy before the old one gets SIGTERM, then refuses new connections and drains), and
  // `delay` between tasks. The old one's port becomes the spare. nginx is never reloaded, as in the stack.
  // The delay matters: nginx skips a refused server for fail_timeout, and replacing the next replica
  // sooner could leave it none it trusts (it then answers 502 until fail_timeout ends).
  for (const [replicas, start, service] of [
    [apis, startApi, 'api'],
    [webs, startWeb, 'web'],
  ]) {
    const { order, parallelism, delay } = stack.services[service].deploy.update_config;
    if (order !== 'start-first' || parallelism !== 1) {
      throw new Error(`the rehearsal replays update_config order: start-first, parallelism: 1 (${service})`);
    }
    for (let i = 0; i < replicas.length; i++) {
      if (i > 0) await sleep(durationSeconds(delay ?? '0s') * 1000);
      const fresh = await start(`${i + 1}b`, spare[service]);
      const old = replicas[i];
      replicas[i] = fresh;
      await old.stop('SIGTERM');
      spare[service] = old.port;
    }
  }
  const updateSeconds = ((Date.now() - started) / 1000).toFixed(1);
  await sleep(1000);
  const [g, p, w] = await Promise.all([gets.stop(), posts.stop(), pages.stop()]);
  const invariant = await seatInvariant(db, [showId], p.statuses[201] ?? 0);
  const failed = g.failed + p.failed + w.failed;
  // Who answered the failing requests: nginx's upstream name (`web`, `api`) with no address means it had
  // no live replica; an address means that replica answered so.
  const failures = {};
  if (failed > 0) await sleep(600); // the access logs flush every 500 ms
  for (const proxy of [frontend, backend]) {
    for (const e of accessLogSince(proxy.accessLog, started)) {
      if (e.status < 500) continue;
      const key = `${e.status} from ${e.upstream} ${e.upstreamStatus}`;
      failures[key] = (failures[key] ?? 0) + 1;
    }
  }
  record(
    `rolling update: ${apis.length} api + ${webs.length} web replaced one at a time`,
    'zero failed requests, zero oversell',
    failed === 0 && invariant.oversold === 0 && invariant.drift === 0 && invariant.lost === 0,
    `${updateSeconds} s; GET /shows ${g.requests} (${statusText(g.statuses)}), POST /reservations ${p.requests} ` +
      `(${statusText(p.statuses)}), pages ${w.requests} (${statusText(w.statuses)}); failed ${failed}; ` +
      `${invariant.confirmed}/300 seats confirmed, oversold ${invariant.oversold}, lost ${invariant.lost}` +
      (failed > 0 ? `; 5xx at the proxies: ${statusText(failures)}` : ''),
  );
}

async function databaseRestart({ backend, apis, connectDb, db }) {
  const [[before]] = await db.query(
    "select (select count(*) from reservations) as reservations, (select count(*) from users) as users, (select coalesce(sum(seats), 0) from reservations where status = 'confirmed') as seats",
  );
  await db.end();
  const pids = apis.map((api) => api.proc.child.pid);
  const load = startLoad({ url: backend.base, path: '/shows', connections: 4, seconds: 60, ok: [200, 503] });
  await sleep(1000);

  const stoppedAt = Date.now();
  await dbServer.stop();
  await sleep(3000);
  // While the database is down: 503s, quickly; /ready is red on every replica.
  const outage = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    const res = await fetch(`${backend.base}/shows`, { signal: AbortSignal.timeout(10_000) });
    outage.push({ status: res.status, ms: Date.now() - t });
  }
  const ready = await Promise.all(apis.map((api) => fetch(`${api.base}/ready`).then((r) => r.status)));

  // How long mysqld takes to start is the server's business (crash recovery, buffer pool, a busy
  // machine); the api's part is to serve again as soon as the database accepts logins.
  const restartAt = Date.now();
  await dbServer.start();
  const dbReadyAt = Date.now();
  let recoveredMs = null;
  while (Date.now() - dbReadyAt < 30_000) {
    const res = await fetch(`${backend.base}/shows`).catch(() => null);
    if (res?.status === 200) {
      recoveredMs = Date.now() - dbReadyAt;
      break;
    }
    await sleep(100);
  }
  const result = await load.stop();
  const check = await connectDb();
  const [[after]] = await check.query(
    "select (select count(*) from reservations) as reservations, (select count(*) from users) as users, (select coalesce(sum(seats), 0) from reservations where status = 'confirmed') as seats",
  );
  await check.end();
  const samePids = apis.every((api, i) => api.proc.child.pid === pids[i] && api.proc.child.exitCode === null);
  const dataKept = JSON.stringify(before) === JSON.stringify(after);
  const slowest = Math.max(...outage.map((o) => o.ms));
  const pass =
    outage.every((o) => o.status === 503) &&
    slowest <= 2500 &&
    ready.every((s) => s === 503) &&
    recoveredMs !== null &&
    recoveredMs <= 3_000 &&
    samePids &&
    dataKept &&
    result.errors === 0;
  record(
    'database restart under load',
    '503 fast while down, /ready red, back ≤ 3 s after the db accepts logins, data kept, no api restart',
    pass,
    `down ${((restartAt - stoppedAt) / 1000).toFixed(1)} s: /shows ${outage.map((o) => o.status).join(',')} in ≤ ${slowest} ms, ` +
      `/ready ${ready.join(',')}; db up ${((dbReadyAt - restartAt) / 1000).toFixed(1)} s after start, api back ` +
      `${recoveredMs === null ? 'NEVER' : `${(recoveredMs / 1000).toFixed(1)} s`} after that; ` +
      `data ${dataKept ? 'kept' : `CHANGED ${JSON.stringify(before)} → ${JSON.stringify(after)}`} (${after.reservations} reservations); ` +
      `api ${samePids ? 'not restarted' : 'RESTARTED'}; load ${statusText(result.statuses)}, ${result.errors} errors`,
  );
}

// --- Run ---------------------------------------------------------------------------------------------
let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`rehearsal failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  killAll();
  clearTimeout(watchdog);
  if (dbServer) {
    if (exitCode !== 0) console.error(`db container logs:\n${await dbServer.logs()}`);
    await dbServer.remove();
  }
  if (options.keep) console.log(`kept ${work} (logs, rendered configs)`);
  else rmSync(work, { recursive: true, force: true });
}
console.log('\n== Stack rehearsal (docker-compose.yaml as processes on loopback) ==');
console.table(
  results.map(({ check, target, pass, result }) => ({ check, target, pass: pass ? 'PASS' : 'FAIL', result })),
);
if (results.some((r) => !r.pass) || exitCode !== 0) {
  console.error('stack rehearsal: FAILED');
  process.exit(1);
}
console.log('stack rehearsal: every check passed');
process.exit(0);
