#!/usr/bin/env node
// `npm run stack:test`: `npm run stack:up` (the stack deployed with the README's commands on a local
// 3-node swarm), then the operator's runbook on it under load, every step checked, a table printed, and
// `npm run stack:down` (kept with --keep). Traffic goes only to this machine's loopback and to the
// nodes this run made; every load stops by itself.
import { spawn } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from '@musicapp/test-kit';
import jwt from 'jsonwebtoken';
import { backupAndRestore, removeStack } from './backup-check.mjs';
import {
  combine,
  createFans,
  createShow,
  reservationRequests,
  seatInvariant,
  startLoad,
  statusText,
} from './load.mjs';
import { inNode, NODES, nodeIp, publishedPort, removeAll, run } from './local-swarm.mjs';
import { waitForStack, waitUntilServing } from './stack-health.mjs';
import { containersOf, inContainer, secretOf, service, stackDb } from './swarm-stack.mjs';
import { TEST_TLS_DIR, testCertificate, trustTestCertificate } from './test-certificate.mjs';

const { values: options } = parseArgs({
  options: { keep: { type: 'boolean', default: false }, checks: { type: 'string' } },
});
trustTestCertificate(); // the stack's certificate is self-signed: trusted by this run and its children
const TIME_LIMIT_MS = 40 * 60_000;
// Where compose/rotate-jwt-keys.sh records the secret names in use, for every later compose/deploy.sh.
const DEPLOY_ENV_FILE = '/var/lib/musicapp/deploy.env';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const [manager, , drainable] = NODES; // the db and the registry live on the manager: drain a worker
const results = [];
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function record(step, target, pass, result, ms) {
  results.push({ step, target, pass: pass ? 'PASS' : 'FAIL', result, duration: seconds(ms) });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${step}: ${result} (${seconds(ms)})`);
}

/** Runs one check; an exception is a failed check, and the run goes on. */
async function check(step, target, body) {
  const begun = Date.now();
  try {
    const { pass, result } = await body();
    record(step, target, pass, result, Date.now() - begun);
  } catch (error) {
    record(
      step,
      target,
      false,
      `error: ${error.message.split('\n').slice(0, 6).join(' | ')}`,
      Date.now() - begun,
    );
  }
}

/** stack:up as a child process (its progress shown as it goes); the URLs it prints. */
async function stackUp(adminPassword) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./up.mjs', import.meta.url))], {
    env: { ...process.env, ADMIN_PASSWORD: adminPassword },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error('stack:up failed');
  return { web: output.match(/^web: (\S+)$/m)[1], api: output.match(/^api: (\S+)$/m)[1] };
}

const json = async (res) => ({ status: res.status, body: await res.json().catch(() => null) });
function call(base, method, path, { token, body, headers = {} } = {}) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  }).then(json);
}

/** A stack container's log lines (stdout and stderr) since `since`; none when it is gone. */
async function logsOf(task, since) {
  const out = await inNode(
    task.node,
    `docker logs --since ${(since / 1000).toFixed(3)} ${task.id} 2>&1`,
  ).catch(() => '');
  return out.split('\n').filter(Boolean);
}

/** Requests answered since `since` by each of these api containers (their request log lines). */
async function servedBy(tasks, since) {
  const counts = [];
  for (const task of tasks) {
    counts.push((await logsOf(task, since)).filter((line) => line.includes('"url":"/shows')).length);
  }
  return counts;
}

/** The log lines of every task of a stack service on `nodes` since `since`. */
async function taskLogs(service, since, nodes = NODES) {
  const lines = [];
  for (const task of (await containersOf(service)).filter((t) => nodes.includes(t.node))) {
    lines.push(...(await logsOf(task, since)));
  }
  return lines;
}

/** The JSON access-log lines (nginx/snippets/log-format.conf) of nginx-<name> on `nodes` since `since`. */
async function proxyLog(name, since, nodes = [manager]) {
  return (await taskLogs(`nginx-${name}`, since, nodes))
    .filter((line) => line.startsWith('{"time"'))
    .map((line) => JSON.parse(line));
}

/**
 * One more task of a stack service, outside the stack, for measuring one process on its own: the same
 * spec (image, environment, secrets, limits, networks), one replica on the manager with its port
 * published there. Its networks carry no alias, so it is not one of the proxies' `tasks.<name>`.
 */
async function directReplica(name, published) {
  const spec = JSON.parse(await service('inspect', '--format', "'{{json .Spec}}'", `musicapp_${name}`));
  const target = Number(
    spec.TaskTemplate.ContainerSpec.Env.find((e) => e.startsWith('PORT='))?.slice('PORT='.length),
  );
  const { UpdateConfig, RollbackConfig, ...rest } = spec;
  const direct = {
    ...rest,
    Name: `direct_${name}`,
    Labels: {},
    Mode: { Replicated: { Replicas: 1 } },
    TaskTemplate: {
      ...spec.TaskTemplate,
      ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Labels: {} },
      Networks: spec.TaskTemplate.Networks.map(({ Target }) => ({ Target })),
      Placement: { Constraints: ['node.role == manager'] },
    },
    EndpointSpec: {
      Mode: 'dnsrr',
      Ports: [{ Protocol: 'tcp', TargetPort: target, PublishedPort: published, PublishMode: 'host' }],
    },
  };
  await inNode(
    manager,
    "curl -sS --fail-with-body --unix-socket /var/run/docker.sock -H 'Content-Type: application/json' --data-binary @- http://localhost/services/create >/dev/null",
    {},
    { input: JSON.stringify(direct) },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await inNode(
      manager,
      `docker ps --filter label=com.docker.swarm.service.name=direct_${name} --format '{{.Status}}'`,
    );
    if (status.includes('(healthy)')) return `http://${await nodeIp(manager)}:${published}`;
    if (Date.now() > deadline)
      throw new Error(`direct_${name} did not become healthy: ${status || 'no task'}`);
    await sleep(1000);
  }
}

/** A new account, registered and logged in through the api: its tokens. */
async function signedInUser(api, prefix) {
  const username = `${prefix}${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const made = await call(api, 'POST', '/users', { body: { username, password, fullname: 'Stack Test' } });
  if (made.status !== 201) throw new Error(`registering ${username}: ${made.status}`);
  const login = await call(api, 'POST', '/authentications', { body: { username, password } });
  if (login.status !== 201) throw new Error(`logging in ${username}: ${login.status}`);
  return login.body.data;
}

/**
 * One session kept alive until stop(): its refresh token gets a new access token from whichever api
 * replica answers, and that token is used at once (three calls, spread over the replicas). During a key
 * rotation this is the request that fails if a replica meets a token it cannot verify.
 */
function refreshLoop(api, refreshToken) {
  const statuses = {};
  const count = (status) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  let running = true;
  let refreshes = 0;
  let uses = 0;
  const done = (async () => {
    while (running) {
      const refreshed = await call(api, 'PUT', '/authentications', { body: { refreshToken } }).catch(() => ({
        status: 0,
      }));
      count(refreshed.status);
      if (refreshed.status === 200) {
        refreshes += 1;
        for (let i = 0; i < 3; i++) {
          const used = await call(api, 'GET', '/playlists', { token: refreshed.body.data.accessToken }).catch(
            () => ({ status: 0 }),
          );
          count(used.status);
          uses += 1;
        }
      }
      await sleep(50);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      const failed = Object.entries(statuses)
        .filter(([status]) => status !== '200')
        .reduce((sum, [, n]) => sum + n, 0);
      return { refreshes, uses, statuses, failed };
    },
  };
}

/** The SHA-256 fingerprint of the certificate an https URL serves. */
async function servedCertificate(url) {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port), servername: 'localhost' });
  try {
    await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    return socket.getPeerX509Certificate().fingerprint256;
  } finally {
    socket.destroy();
  }
}

/** GETs of the api and pages of the web, plus reservations when `fans` are given, all at once. */
function mixedLoad({ api, web, fans, showId, seconds: s = 300 }) {
  const loads = {
    gets: startLoad({ url: api, path: '/shows', connections: 4, seconds: s }),
    pages: startLoad({ url: web, path: '/shows', connections: 2, seconds: s }),
  };
  if (fans) {
    loads.posts = startLoad({
      url: api,
      connections: 2,
      seconds: s,
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

async function main() {
  const adminPassword = randomBytes(12).toString('base64url');
  const { web, api } = await stackUp(adminPassword);
  const db = stackDb();
  // The harness signs tokens with the stack's own key, as a login would (re-read after a key rotation).
  let accessKey = await secretOf('api', 'access_token_key');
  const [[adminRow]] = await db.query('select id from users where username = ?', ['admin']);
  const adminToken = () =>
    jwt.sign({ sub: adminRow.id, role: 'admin', typ: 'access' }, accessKey, {
      algorithm: 'HS256',
      expiresIn: 7200,
    });
  let admin = adminToken();
  const only = options.checks?.split(',');
  const wanted = (name) => !only || only.includes(name);
  const registry = `${(await inNode(manager, "docker info --format '{{.Swarm.NodeAddr}}'")).trim()}:4000`;
  const imageOf = (name) =>
    service('inspect', '--format', "'{{.Spec.TaskTemplate.ContainerSpec.Image}}'", name);
  const tagOf = (image) => image.trim().split('@')[0].split(':').pop();
  const tag = tagOf(await imageOf('musicapp_api'));

  if (wanted('start-up')) {
    await check(
      'start-up',
      'reservasi.sql initialised the db; the api applied no migration; container logs rotate; no secret in the web image',
      async () => {
        // reservasi.sql stamps its migrations with a fixed time; one the api ran would carry today's.
        const [[row]] = await db.query(
          "select count(*) as recorded, coalesce(sum(migration_time <> '2026-01-01 00:00:00'), 0) as byApi from knex_migrations",
        );
        const logs = (
          await inNode(
            manager,
            'docker ps -q --filter label=com.docker.stack.namespace=musicapp | xargs docker inspect --format \'{{.Name}} {{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config "max-size"}}\'',
          )
        )
          .split('\n')
          .filter(Boolean);
        const unrotated = logs.filter((line) => !/ json-file \d+[km]$/.test(line));
        // The Server Actions key reaches the web as a secret; no file of the image holds a copy.
        const [webTask] = await containersOf('web');
        const copies = (
          await inContainer(
            webTask,
            'grep -rlF -f /run/secrets/next_server_actions_key /app 2>/dev/null; true',
          )
        ).trim();
        return {
          pass:
            Number(row.recorded) > 0 &&
            Number(row.byApi) === 0 &&
            logs.length > 0 &&
            !unrotated.length &&
            copies === '',
          result:
            `${row.recorded} migrations recorded by reservasi.sql, ${row.byApi} applied by the api; ` +
            (unrotated.length
              ? `logs NOT rotated: ${unrotated.join(', ')}`
              : `${logs.length} containers on ${manager} log to json-file, rotated`) +
            (copies
              ? `; the Server Actions key IS in the web image: ${copies}`
              : '; no Server Actions key in the web image'),
        };
      },
    );
  }

  // The proxy check spends the login limit's burst; the throughput check gives it time to refill before
  // the journeys log in (every client here is one address to nginx).
  if (wanted('proxy')) {
    await check(
      'proxy behaviour',
      'headers, gzip, static cache, request ids in every log, body limit; login and registration limits per browser, not fooled by X-Forwarded-For',
      async () => {
        const problems = [];
        const page = await fetch(`${web}/shows`, { headers: { 'accept-encoding': 'gzip' } });
        if (page.status !== 200) problems.push(`/shows ${page.status}`);
        for (const header of [
          'x-content-type-options',
          'x-frame-options',
          'referrer-policy',
          'x-request-id',
        ]) {
          if (!page.headers.get(header)) problems.push(`nginx-frontend lacks ${header}`);
        }
        if (page.headers.get('content-encoding') !== 'gzip') problems.push('page not gzipped');
        if (/\d/.test(page.headers.get('server') ?? '')) problems.push('nginx-frontend shows its version');
        const asset = (await page.text()).match(/\/_next\/static\/[^"']+\.js/)?.[0];
        if (asset) {
          const since = Date.now() - 1000;
          for (let i = 0; i < 3; i++) {
            const res = await fetch(`${web}${asset}`);
            await res.arrayBuffer();
            if (res.status !== 200 || !/max-age=\d{7,}/.test(res.headers.get('cache-control') ?? '')) {
              problems.push(`${asset} → ${res.status} ${res.headers.get('cache-control')}`);
            }
          }
          const hits = (await proxyLog('frontend', since)).filter((e) => e.uri === asset);
          if (hits.length !== 3) problems.push(`the asset logged ${hits.length}/3 times`);
          const fromWeb = hits.filter((e) => e.upstream !== '').length;
          if (fromWeb > 1)
            problems.push(`asset fetched from the web ${fromWeb}/3 times: not cached by nginx`);
        } else problems.push('no /_next/static asset in the page');

        const id = `stack-test-${randomBytes(4).toString('hex')}`;
        const shows = await fetch(`${api}/shows`, { headers: { 'x-request-id': id } });
        if (shows.headers.get('x-request-id') !== id) problems.push('X-Request-ID not passed through');
        const logged = (await proxyLog('backend', Date.now() - 5000)).find((e) => e.requestId === id);
        if (!logged?.upstream) problems.push('nginx-backend did not log the request with its replica');
        if (!(await fetch(`${api}/health`)).headers.get('x-request-id'))
          problems.push('no X-Request-ID made');
        // The browser's address, as nginx-frontend saw it, is the client nginx-backend counts for the
        // page's api calls: it believes the web replicas' X-Forwarded-For (and only theirs).
        const pageId = `stack-test-page-${randomBytes(4).toString('hex')}`;
        const pageSince = Date.now() - 1000;
        await (await fetch(`${web}/shows`, { headers: { 'x-request-id': pageId } })).arrayBuffer();
        const browser = (await proxyLog('frontend', pageSince)).find((e) => e.requestId === pageId)?.client;
        const counted = (await proxyLog('backend', pageSince, NODES))
          .filter((e) => e.requestId === pageId)
          .map((e) => e.client);
        if (!browser || !counted.length || counted.some((client) => client !== browser)) {
          problems.push(`the browser ${browser} reached nginx-backend as ${counted.join(',') || 'nothing'}`);
        }
        // One request id in every log it passed: a page that fails (a bad cursor) through both proxies,
        // the web (its error line) and the api.
        const traceId = `stack-test-trace-${randomBytes(4).toString('hex')}`;
        const traceSince = Date.now() - 1000;
        await (
          await fetch(`${web}/shows?cursor=garbage`, { headers: { 'x-request-id': traceId } })
        ).arrayBuffer();
        const tracedIn = {
          'nginx-frontend': (await proxyLog('frontend', traceSince)).some((e) => e.requestId === traceId),
          web: (await taskLogs('web', traceSince)).some((line) => line.includes(`"requestId":"${traceId}"`)),
          'nginx-backend': (await proxyLog('backend', traceSince, NODES)).some(
            (e) => e.requestId === traceId,
          ),
          api: (await taskLogs('api', traceSince)).some((line) => line.includes(`"reqId":"${traceId}"`)),
        };
        const unlogged = Object.keys(tracedIn).filter((where) => !tracedIn[where]);
        if (unlogged.length) problems.push(`request id not in the logs of ${unlogged.join(', ')}`);
        const big = await fetch(`${api}/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'x'.repeat(2_000_000) }),
        });
        const bigBody = await big.json().catch(() => null);
        if (big.status !== 413 || bigBody?.status !== 'fail') problems.push(`oversized body → ${big.status}`);

        // The stack's login limit (10r/m, burst 5): the 7th quick attempt from one client is refused with
        // the api's envelope, although each claims another address (X-Forwarded-For is believed only from
        // the overlay networks, and this client is outside them).
        const statuses = [];
        for (let i = 0; i < 8; i++) {
          const res = await fetch(`${api}/authentications`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
            body: JSON.stringify({ username: `nobody${i}`, password: 'wrong-password' }),
          });
          statuses.push(res.status);
          if (res.status === 429 && (await res.json()).status !== 'fail')
            problems.push('429 without the envelope');
        }
        if (!statuses.includes(429) || statuses.slice(0, 6).includes(429)) {
          problems.push(`login limit: ${statuses.join(',')}`);
        }
        // Registrations: a burst of 10, then 429 with the envelope. Empty bodies: refused by the api,
        // so no account is made, but nginx counts every attempt.
        const registrations = [];
        for (let i = 0; i < 12; i++) {
          const res = await fetch(`${api}/users`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          });
          registrations.push(res.status);
          if (res.status === 429 && (await res.json()).status !== 'fail')
            problems.push('429 without the envelope');
        }
        if (registrations.slice(0, 10).includes(429) || registrations.at(-1) !== 429) {
          problems.push(`registration limit: ${registrations.join(',')}`);
        }
        // The same from inside the cluster, but not from a web replica: an api task is on nginx-backend's
        // other overlay, which is as private as the web's and still not believed.
        const [apiTask] = await containersOf('api');
        // Over https (plain HTTP from here is only a redirect, checked by the TLS step); the certificate
        // is for the public name, not this address, hence no verification in this one script.
        const inside = await inContainer(
          apiTask,
          'NODE_TLS_REJECT_UNAUTHORIZED=0 node --input-type=module -',
          {
            // One nginx-backend task: each keeps its own count, and the name spreads requests over all.
            input: `import { lookup } from 'node:dns/promises';
process.removeAllListeners('warning');
const [one] = await lookup('tasks.nginx-backend', { all: true });
const statuses = [];
for (let i = 0; i < 8; i++) {
  const res = await fetch('https://' + one.address + ':8443/authentications', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.' + (i + 1) },
    body: JSON.stringify({ username: 'inside' + i, password: 'wrong-password' }),
  });
  statuses.push(res.status);
}
console.log(statuses.join(','));
`,
          },
        );
        const insideStatuses = inside.trim().split(',').map(Number);
        if (!insideStatuses.includes(429) || insideStatuses.slice(0, 6).includes(429)) {
          problems.push(`login limit from inside the cluster: ${inside.trim()}`);
        }
        return {
          pass: problems.length === 0,
          result: problems.length
            ? problems.join('; ')
            : `all as configured (logins: ${statuses.join(' ')}, from an api task ${insideStatuses.join(' ')}; registrations ${registrations.join(' ')}; the browser's address counted behind the web; one request id in all four logs)`,
        };
      },
    );
  }

  if (wanted('registry')) {
    await check(
      'registry refuses strangers',
      'anonymous push and catalogue refused; the stack pulled with credentials',
      async () => {
        const worker = NODES[1];
        // Images pulled by swarm carry digests, not tags: tag one by its id.
        const image = (await inNode(worker, `docker image ls -q ${registry}/musicapp-api | head -1`)).trim();
        const push = await inNode(
          worker,
          `docker tag ${image} ${registry}/stranger:probe && docker push ${registry}/stranger:probe 2>&1`,
        ).then(
          (o) => ({ ok: true, o }),
          (e) => ({ ok: false, o: e.message }),
        );
        const catalogue = await inNode(
          worker,
          `curl -s -o /dev/null -w '%{http_code}' --cacert /etc/docker/certs.d/${registry}/ca.crt https://${registry}/v2/_catalog`,
        );
        const plain = await inNode(
          worker,
          `curl -s -o /dev/null -w '%{http_code}' http://${registry}/v2/ || true`,
        );
        const refused = !push.ok && /no basic auth credentials|unauthorized|denied/i.test(push.o);
        return {
          pass: refused && catalogue === '401' && plain !== '200',
          result: `anonymous push ${refused ? 'refused (no credentials)' : `NOT REFUSED: ${push.o.slice(-200)}`}; GET /v2/_catalog ${catalogue}; plain HTTP ${plain}`,
        };
      },
    );
  }

  if (wanted('tls')) {
    await check(
      'TLS at both proxies',
      'the certificate from the swarm secrets; plain HTTP redirected to https (not for the web tier); HSTS over https',
      async () => {
        const problems = [];
        const given = new X509Certificate(readFileSync(testCertificate.certificate)).fingerprint256;
        for (const [name, url] of Object.entries({ 'nginx-frontend': web, 'nginx-backend': api })) {
          const served = await servedCertificate(url);
          if (served !== given) problems.push(`${name} serves another certificate`);
        }
        // Plain HTTP from outside: a 308 to the same path on the public https port (a POST stays a POST).
        const plain = {
          'nginx-frontend': [await publishedPort(manager, 80), 'GET', '/shows?page=2', 443],
          'nginx-backend': [await publishedPort(manager, 8080), 'POST', '/authentications', 8443],
        };
        const redirects = [];
        for (const [name, [port, method, path, httpsPort]] of Object.entries(plain)) {
          const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, redirect: 'manual' });
          const location = res.headers.get('location');
          redirects.push(`${name} ${method} ${res.status} → ${location}`);
          if (res.status !== 308 || location !== `https://127.0.0.1:${httpsPort}${path}`) {
            problems.push(`plain ${method} ${path} at ${name}: ${res.status} ${location}`);
          }
        }
        // The same from inside the cluster but outside the web tier (an api task): redirected too.
        const [apiTask] = await containersOf('api');
        const insidePlain = (
          await inContainer(
            apiTask,
            `node -e "fetch('http://tasks.nginx-backend:8080/shows',{redirect:'manual'}).then(r=>console.log(r.status))"`,
          )
        ).trim();
        if (insidePlain !== '308') problems.push(`plain HTTP from an api task: ${insidePlain}`);
        const hsts = {
          'nginx-frontend': (await fetch(`${web}/shows`)).headers.get('strict-transport-security'),
          'the api': (await fetch(`${api}/shows`)).headers.get('strict-transport-security'),
        };
        for (const [name, value] of Object.entries(hsts)) {
          if (!/max-age=(\d+)/.test(value ?? '') || Number(value.match(/max-age=(\d+)/)[1]) < 31_536_000) {
            problems.push(`HSTS from ${name}: ${value}`);
          }
        }
        return {
          pass: problems.length === 0,
          result: problems.length
            ? problems.join('; ')
            : `both serve the given certificate; ${redirects.join(', ')}; from an api task ${insidePlain}; HSTS ${Object.values(hsts).join(' / ')}`,
        };
      },
    );
  }

  if (wanted('throughput')) {
    await check(
      'throughput: GET /shows through the proxies vs one process direct',
      'figures for the note; 0 failed',
      async () => {
        // Both sides from the manager's address (not the loopback port, whose userland proxy would
        // burden the proxied side only), alternated three times so a slow moment of the shared
        // machine does not land on one side only.
        const host = await nodeIp(manager);
        const routes = {
          api: { proxied: `https://${host}:8443`, connections: 32 },
          pages: { proxied: `https://${host}:443`, connections: 8 },
        };
        try {
          routes.api.direct = await directReplica('api', 5000);
          routes.pages.direct = await directReplica('web', 3000);
          const measure = (url, connections) =>
            startLoad({ url, path: '/shows', connections, seconds: 5, ok: [200] }).done;
          const rounds = { api: { direct: [], proxied: [] }, pages: { direct: [], proxied: [] } };
          for (const route of Object.values(routes)) await measure(route.proxied, route.connections);
          for (let round = 0; round < 3; round++) {
            for (const [name, route] of Object.entries(routes)) {
              for (const side of ['direct', 'proxied']) {
                rounds[name][side].push(await measure(route[side], route.connections));
              }
            }
          }
          const text = [];
          let failed = 0;
          for (const [name, { direct, proxied }] of Object.entries(rounds)) {
            const d = combine(direct);
            const p = combine(proxied);
            failed += d.failed + p.failed;
            const hops =
              name === 'api'
                ? 'https to nginx-backend → 3 api vs http to 1 api'
                : 'https to nginx-frontend → 2 web vs http to 1 web';
            text.push(
              `${name} (${hops}): ${p.perSecond} vs ${d.perSecond}/s (${Math.round((p.perSecond / d.perSecond) * 100)}%), p99 ${p.p99} vs ${d.p99} ms`,
            );
          }
          return { pass: failed === 0, result: `${text.join('; ')}; failed ${failed}` };
        } finally {
          await service('rm', 'direct_api', 'direct_web').catch(() => {});
        }
      },
    );
  }

  if (wanted('journeys')) {
    await check('browser journeys through nginx-frontend', 'every journey passes', async () => {
      const out = await run(
        join(repoRoot, 'node_modules/.bin/tsx'),
        ['--test', '--test-concurrency=1', 'e2e/journeys.e2e.ts'],
        {
          cwd: join(repoRoot, 'apps/web'),
          env: {
            E2E_WEB_URL: web,
            E2E_API_URL: api,
            E2E_ADMIN_USERNAME: 'admin',
            E2E_ADMIN_PASSWORD: adminPassword,
            E2E_SCREENSHOTS_DIR: join('/tmp', `musicapp-stack-test-${process.pid}`),
            E2E_TRUSTED_CERTIFICATE: testCertificate.certificate,
            CHROMIUM_PATH: CHROMIUM,
          },
        },
      ).then(
        (o) => ({ ok: true, o }),
        (e) => ({ ok: false, o: e.message }),
      );
      const passed = out.o.match(/# pass (\d+)/)?.[1] ?? '0';
      const failed = out.o.match(/# fail (\d+)/)?.[1] ?? '?';
      if (!out.ok) {
        // The failed journeys' own reports (name, step, error), not whatever the run printed last.
        const failures = out.o.split('# Subtest: ').filter((part) => /^\s*not ok \d+ - /m.test(part));
        console.error(failures.length ? failures.join('# Subtest: ').slice(-12_000) : out.o.slice(-3000));
      }
      return { pass: out.ok && failed === '0', result: `${passed} passed, ${failed} failed` };
    });
  }

  if (wanted('api')) {
    await check(
      'API smoke through nginx-backend',
      'the OpenMusic flow and the reservation contract answer as specified',
      async () => {
        const problems = [];
        const expect = (what, res, status) =>
          res.status !== status && problems.push(`${what} ${res.status}≠${status}`);
        const username = `smoke${randomBytes(4).toString('hex')}`;
        expect(
          'POST /users',
          await call(api, 'POST', '/users', {
            body: { username, password: 'smoke-password-1', fullname: 'Smoke' },
          }),
          201,
        );
        const login = await call(api, 'POST', '/authentications', {
          body: { username, password: 'smoke-password-1' },
        });
        expect('POST /authentications', login, 201);
        const token = login.body?.data?.accessToken;
        expect(
          'PUT /authentications',
          await call(api, 'PUT', '/authentications', {
            body: { refreshToken: login.body?.data?.refreshToken },
          }),
          200,
        );
        const album = await call(api, 'POST', '/albums', {
          token: admin,
          body: { name: 'Smoke Album', year: 2026 },
        });
        expect('POST /albums', album, 201);
        const song = await call(api, 'POST', '/songs', {
          token: admin,
          body: {
            title: `Smoke Song ${username}`,
            year: 2026,
            genre: 'Pop',
            performer: 'Smoke',
            albumId: album.body?.data?.albumId,
          },
        });
        expect('POST /songs', song, 201);
        const found = await call(api, 'GET', `/songs?title=${encodeURIComponent(username.toUpperCase())}`);
        if (found.body?.data?.songs?.length !== 1)
          problems.push(`song search found ${found.body?.data?.songs?.length}`);
        const playlist = await call(api, 'POST', '/playlists', { token, body: { name: 'Smoke list' } });
        expect('POST /playlists', playlist, 201);
        expect(
          'POST /playlists/:id/songs',
          await call(api, 'POST', `/playlists/${playlist.body?.data?.playlistId}/songs`, {
            token,
            body: { songId: song.body?.data?.songId },
          }),
          201,
        );
        const showId = await createShow(api, admin, { title: 'Smoke show', capacity: 10 });
        const key = { 'Idempotency-Key': `smoke-${username}` };
        const first = await call(api, 'POST', '/reservations', {
          token,
          body: { showId, seats: 2 },
          headers: key,
        });
        expect('POST /reservations', first, 201);
        const again = await call(api, 'POST', '/reservations', {
          token,
          body: { showId, seats: 2 },
          headers: key,
        });
        if (again.body?.data?.reservation?.id !== first.body?.data?.reservation?.id)
          problems.push('idempotent replay booked again');
        expect(
          'over capacity',
          await call(api, 'POST', '/reservations', { token, body: { showId, seats: 9 } }),
          400,
        );
        expect(
          'DELETE /reservations/:id',
          await call(api, 'DELETE', `/reservations/${first.body?.data?.reservation?.id}`, { token }),
          200,
        );
        expect('no token', await call(api, 'GET', '/reservations'), 401);
        expect(
          'bad JSON',
          await fetch(`${api}/users`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{',
          }),
          400,
        );
        expect('GET /docs', await call(api, 'GET', '/docs'), 200);
        return {
          pass: problems.length === 0,
          result: problems.length ? problems.join('; ') : '15 calls as specified',
        };
      },
    );
  }

  if (wanted('race')) {
    await check(
      '600 racing reservations for a 60-seat show',
      'exactly 60 seats confirmed, no request failed',
      async () => {
        const showId = await createShow(api, admin, { title: 'Race', capacity: 60 });
        const fans = await createFans(db, accessKey, 600);
        const answers = [];
        await Promise.all(
          Array.from({ length: 50 }, async (_, lane) => {
            for (let i = lane; i < 600; i += 50) {
              answers.push(
                (
                  await call(api, 'POST', '/reservations', {
                    token: fans[i].token,
                    body: { showId, seats: 1 },
                  })
                ).status,
              );
            }
          }),
        );
        const created = answers.filter((s) => s === 201).length;
        const refused = answers.filter((s) => s === 409).length;
        const seats = await seatInvariant(db, [showId], created);
        return {
          pass:
            created === 60 &&
            refused === 540 &&
            seats.confirmed === 60 &&
            seats.oversold === 0 &&
            seats.drift === 0,
          result: `201×${created}, 409×${refused}, other ${600 - created - refused}; ${seats.confirmed} seats confirmed in SQL, oversold ${seats.oversold}`,
        };
      },
    );
  }

  if (wanted('scale')) {
    await check(
      'scale api 3 → 5 under load',
      'new tasks take traffic within 10 s of being healthy; 0 failed',
      async () => {
        // Scaling 3 → 5 adds slots 4 and 5.
        const load = mixedLoad({ api, web });
        await sleep(1000);
        await inNode(manager, 'compose/scale.sh api 5 >/dev/null');
        const healthyAt = Date.now();
        const fresh = (await containersOf('api')).filter((t) => t.slot > 3);
        let counts = [];
        while (Date.now() - healthyAt < 20_000) {
          counts = await servedBy(fresh, healthyAt - 1000);
          if (fresh.length === 2 && counts.every((n) => n > 0)) break;
          await sleep(500);
        }
        const tookMs = Date.now() - healthyAt;
        const result = await load.stop();
        await inNode(manager, 'compose/scale.sh api 3 >/dev/null');
        return {
          pass: fresh.length === 2 && counts.every((n) => n > 0) && tookMs <= 10_000 && result.failed === 0,
          result: `${fresh.length} new tasks served ${counts.join(' and ')} GETs within ${seconds(tookMs)} of being healthy; ${result.text}; failed ${result.failed}`,
        };
      },
    );
  }

  for (const target of ['api', 'web']) {
    if (!wanted(`kill-${target}`)) continue;
    await check(
      `docker kill of a ${target} task under load`,
      'replaced; 0 failed GETs and pages',
      async () => {
        const load = mixedLoad({ api, web });
        await sleep(1500);
        const [task] = await containersOf(target);
        await inNode(task.node, `docker kill ${task.id} >/dev/null`);
        const killedAt = Date.now();
        await waitForStack(manager, 'musicapp', { timeoutMs: 120_000 });
        const replacedMs = Date.now() - killedAt;
        await sleep(2000);
        const result = await load.stop();
        return {
          pass: result.failed === 0,
          result: `replaced and healthy in ${seconds(replacedMs)}; ${result.text}; failed ${result.failed}`,
        };
      },
    );
  }

  if (wanted('db-restart')) {
    await check(
      'db task restarted under load',
      '503 fast while down, back ≤ 10 s after the db is healthy, no reservation lost',
      async () => {
        const [[before]] = await db.query(
          "select count(*) as n, coalesce(sum(seats), 0) as seats from reservations where status = 'confirmed'",
        );
        const load = startLoad({ url: api, path: '/shows', connections: 2, seconds: 300, ok: [200, 503] });
        const update = inNode(
          manager,
          'docker service update --force --detach=false musicapp_db >/dev/null 2>&1',
        );
        const outage = [];
        const deadline = Date.now() + 120_000;
        let sawDown = false;
        let backAt = null;
        while (Date.now() < deadline) {
          const t = Date.now();
          const res = await fetch(`${api}/shows`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
          const status = res?.status ?? 0;
          if (status === 503) {
            sawDown = true;
            outage.push(Date.now() - t);
          } else if (sawDown && status === 200) {
            backAt = Date.now();
            break;
          }
          await sleep(200);
        }
        const [dbTask] = await containersOf('db');
        // When the new task started, and when its healthcheck first passed (swarm serves it from then).
        const [startedText, healthLog] = (
          await inNode(
            dbTask.node,
            `docker inspect --format '{{.State.StartedAt}}|{{json .State.Health.Log}}' ${dbTask.id}`,
          )
        ).split('|');
        const startedAt = Date.parse(startedText);
        const firstHealthy = JSON.parse(healthLog).find((entry) => entry.ExitCode === 0);
        const healthyAt = firstHealthy ? Date.parse(firstHealthy.End) : null;
        await update; // returns only after the service's monitor period; the health log keeps 5 entries
        const result = await load.stop();
        const [[after]] = await db.query(
          "select count(*) as n, coalesce(sum(seats), 0) as seats from reservations where status = 'confirmed'",
        );
        const slowest = Math.max(0, ...outage);
        const afterHealthy = backAt && healthyAt ? backAt - healthyAt : null;
        return {
          pass:
            sawDown &&
            slowest <= 2500 &&
            afterHealthy !== null &&
            afterHealthy <= 10_000 &&
            before.n === after.n &&
            before.seats === after.seats &&
            result.errors === 0,
          result:
            `${outage.length} answers 503 while down (slowest ${slowest} ms); 200 again ` +
            (afterHealthy === null
              ? 'NEVER'
              : `${seconds(afterHealthy)} after the new db task was healthy (${seconds(backAt - startedAt)} after it started)`) +
            `; confirmed ${before.n} → ${after.n}; ${statusText(result.statuses)}`,
        };
      },
    );
  }

  const loadFans = async (count, capacity, title) => ({
    fans: await createFans(db, accessKey, count),
    showId: await createShow(api, admin, { title, capacity }),
  });

  if (wanted('drain')) {
    await check(
      `drain ${drainable} under load`,
      'its tasks move; 0 failed, 0 oversold; then active again',
      async () => {
        const { fans, showId } = await loadFans(1000, 200, 'Drain');
        const load = mixedLoad({ api, web, fans, showId });
        await sleep(1500);
        const had = (
          await inNode(
            drainable,
            "docker ps --filter label=com.docker.stack.namespace=musicapp --format '{{.Names}}'",
          )
        )
          .split('\n')
          .filter(Boolean);
        await inNode(manager, `docker node update --availability drain ${drainable} >/dev/null`);
        const drainedAt = Date.now();
        let left = had.length;
        while (Date.now() - drainedAt < 120_000) {
          left = (
            await inNode(
              drainable,
              "docker ps --filter label=com.docker.stack.namespace=musicapp --format '{{.Names}}'",
            )
          )
            .split('\n')
            .filter(Boolean).length;
          if (left === 0) break;
          await sleep(1000);
        }
        await waitForStack(manager, 'musicapp', { timeoutMs: 120_000 }).catch(() => null);
        const movedMs = Date.now() - drainedAt;
        const result = await load.stop();
        await inNode(manager, `docker node update --availability active ${drainable} >/dev/null`);
        const seats = await seatInvariant(db, [showId], result.posts.statuses[201] ?? 0);
        return {
          pass: left === 0 && result.failed === 0 && seats.oversold === 0 && seats.lost === 0,
          result: `${had.length} tasks left ${drainable} (nginx ones stop: global), the rest running elsewhere in ${seconds(movedMs)}; ${result.text}; failed ${result.failed}; oversold ${seats.oversold}, lost ${seats.lost}`,
        };
      },
    );
  }

  if (wanted('rolling-update')) {
    await check(
      'rolling update of api and web to a new tag under load',
      '0 failed, 0 oversold, every confirmed reservation kept',
      async () => {
        const next = `${tag}-next`;
        await inNode(
          manager,
          `for s in api web; do docker tag ${registry}/musicapp-$s:${tag} ${registry}/musicapp-$s:${next} && docker push -q ${registry}/musicapp-$s:${next} >/dev/null; done`,
        );
        const { fans, showId } = await loadFans(1000, 200, 'Rolling update');
        const load = mixedLoad({ api, web, fans, showId });
        await sleep(1500);
        const begun = Date.now();
        await inNode(manager, `compose/update.sh ${next} >/dev/null 2>&1`, { REGISTRY: registry });
        const tookMs = Date.now() - begun;
        await sleep(2000);
        const result = await load.stop();
        const images = await service(
          'inspect',
          '--format',
          "'{{.Spec.TaskTemplate.ContainerSpec.Image}}'",
          'musicapp_api',
          'musicapp_web',
        );
        const seats = await seatInvariant(db, [showId], result.posts.statuses[201] ?? 0);
        const updated = images.split('\n').every((line) => line.includes(`:${next}`));
        return {
          pass: updated && result.failed === 0 && seats.oversold === 0 && seats.lost === 0,
          result: `api and web ${updated ? 'on' : 'NOT on'} ${next} in ${seconds(tookMs)}; ${result.text}; failed ${result.failed}; ${seats.confirmed} confirmed, oversold ${seats.oversold}, lost ${seats.lost}`,
        };
      },
    );
  }

  if (wanted('rollback')) {
    await check(
      'a broken api image is rolled back by swarm',
      'the update rolls back on its own; 0 failed requests',
      async () => {
        const current = (
          await service('inspect', '--format', "'{{.Spec.TaskTemplate.ContainerSpec.Image}}'", 'musicapp_api')
        ).trim();
        const broken = `${registry}/musicapp-api:${tag}-broken`;
        await inNode(
          manager,
          // The stack's own healthcheck (GET /health) overrides an image HEALTHCHECK: this image starts a
          // process that serves nothing, so that check fails as a broken release's would.
          `printf 'FROM %s\\nCMD ["node", "-e", "setInterval(() => {}, 60000)"]\\n' "${current.split('@')[0]}" | docker build -q -t ${broken} - >/dev/null && docker push -q ${broken} >/dev/null`,
        );
        const load = mixedLoad({ api, web });
        await sleep(1500);
        const begun = Date.now();
        await inNode(
          manager,
          `docker service update --detach=false --with-registry-auth --image ${broken} musicapp_api >/dev/null 2>&1`,
        ).catch(() => null);
        let state = '';
        while (Date.now() - begun < 240_000) {
          state = (await service('inspect', '--format', "'{{.UpdateStatus.State}}'", 'musicapp_api')).trim();
          if (['rollback_completed', 'rollback_paused', 'completed'].includes(state)) break;
          await sleep(2000);
        }
        await waitForStack(manager, 'musicapp', { timeoutMs: 120_000 }).catch(() => null);
        const tookMs = Date.now() - begun;
        const result = await load.stop();
        const now = (
          await service('inspect', '--format', "'{{.Spec.TaskTemplate.ContainerSpec.Image}}'", 'musicapp_api')
        ).trim();
        return {
          pass:
            state === 'rollback_completed' &&
            now.split('@')[0] === current.split('@')[0] &&
            result.failed === 0,
          result: `update state ${state} after ${seconds(tookMs)}; api back on ${tagOf(now)}; ${result.text}; failed ${result.failed}`,
        };
      },
    );
  }

  if (wanted('jwt-rotation')) {
    await check(
      'JWT key rotation under load (compose/rotate-jwt-keys.sh)',
      'no failed request while new keys come in; tokens of the old keys refused once it is finished',
      async () => {
        const { fans, showId } = await loadFans(1000, 200, 'Rotation');
        const session = await signedInUser(api, 'rotation');
        const sessions = refreshLoop(api, session.refreshToken);
        const load = mixedLoad({ api, web, fans, showId });
        const begun = Date.now();
        await inNode(manager, 'compose/rotate-jwt-keys.sh', {
          MUSICAPP_DEPLOY_ENV_FILE: DEPLOY_ENV_FILE,
        });
        const rotatedMs = Date.now() - begun;
        const result = await load.stop();
        const refreshed = await sessions.stop();
        const oldKeys = (
          await inNode(
            manager,
            "docker secret ls --format '{{.Name}}' --filter name=musicapp_access_token_key",
          )
        ).split('\n');
        await inNode(manager, 'compose/rotate-jwt-keys.sh --finish', {
          MUSICAPP_DEPLOY_ENV_FILE: DEPLOY_ENV_FILE,
        });
        const left = (
          await inNode(
            manager,
            "docker secret ls --format '{{.Name}}' --filter name=musicapp_access_token_key",
          )
        ).split('\n');
        const after = {
          oldAccess: (await call(api, 'GET', '/playlists', { token: fans[0].token })).status,
          oldRefresh: (
            await call(api, 'PUT', '/authentications', { body: { refreshToken: session.refreshToken } })
          ).status,
          newSession: (
            await call(api, 'GET', '/playlists', { token: (await signedInUser(api, 'rotated')).accessToken })
          ).status,
        };
        accessKey = await secretOf('api', 'access_token_key');
        admin = adminToken();
        return {
          pass:
            result.failed === 0 &&
            refreshed.failed === 0 &&
            refreshed.uses > 0 &&
            after.oldAccess === 401 &&
            after.oldRefresh === 400 &&
            after.newSession === 200 &&
            left.length === oldKeys.length - 1,
          result:
            `phases 1 and 2 in ${seconds(rotatedMs)}: ${result.text}; a session refreshed ${refreshed.refreshes} times, its tokens used ${refreshed.uses} times (${statusText(refreshed.statuses)}); failed ${result.failed + refreshed.failed}. ` +
            `After --finish: old access token ${after.oldAccess}, old refresh token ${after.oldRefresh}, a new session ${after.newSession}; key secrets ${oldKeys.join(', ')} → ${left.join(', ')}`,
        };
      },
    );
  }

  if (wanted('admin-password')) {
    await check(
      'admin password reset (compose/set-admin-password.sh)',
      'the new password logs in; the old one and the sessions made with it do not',
      async () => {
        const login = (password) =>
          call(api, 'POST', '/authentications', { body: { username: 'admin', password } });
        const before = await login(adminPassword);
        const newPassword = randomBytes(12).toString('base64url');
        const begun = Date.now();
        await inNode(manager, 'compose/set-admin-password.sh', {
          ADMIN_PASSWORD: newPassword,
          MUSICAPP_DEPLOY_ENV_FILE: DEPLOY_ENV_FILE,
        });
        const tookMs = Date.now() - begun;
        const after = {
          oldPassword: (await login(adminPassword)).status,
          newPassword: (await login(newPassword)).status,
          oldSession: (
            await call(api, 'PUT', '/authentications', {
              body: { refreshToken: before.body?.data?.refreshToken },
            })
          ).status,
        };
        const secrets = (
          await inNode(manager, "docker secret ls --format '{{.Name}}' --filter name=musicapp_admin_password")
        )
          .split('\n')
          .filter(Boolean);
        return {
          pass:
            before.status === 201 &&
            after.oldPassword === 401 &&
            after.newPassword === 201 &&
            after.oldSession === 400 &&
            secrets.length === 1,
          result: `done in ${seconds(tookMs)}; login with the old password ${before.status} before, ${after.oldPassword} after; the new one ${after.newPassword}; a session from before ${after.oldSession}; admin password secrets now ${secrets.join(', ')}`,
        };
      },
    );
  }

  if (wanted('db-password')) {
    await check(
      'database password rotation under load (compose/rotate-db-password.sh)',
      'reads answer 200, or 503 while the db task restarts; the old password refused after',
      async () => {
        const { fans, showId } = await loadFans(10, 50, 'Db password');
        const oldPassword = await secretOf('api', 'db_password');
        const load = startLoad({ url: api, path: '/shows', connections: 2, seconds: 600, ok: [200, 503] });
        const begun = Date.now();
        await inNode(manager, 'compose/rotate-db-password.sh', { MUSICAPP_DEPLOY_ENV_FILE: DEPLOY_ENV_FILE });
        const tookMs = Date.now() - begun;
        await waitUntilServing({ web, api }, { timeoutMs: 30_000 });
        const result = await load.stop();
        const newPassword = await secretOf('api', 'db_password');
        // The app's account over TCP, as the api connects, with each password (given on stdin).
        const [dbTask] = await containersOf('db');
        const logsIn = async (password) =>
          (
            await inContainer(
              dbTask,
              'read -r PW; MYSQL_PWD="$PW" mysql --protocol=tcp -h 127.0.0.1 -u musicapp -e "select 1" musicapp >/dev/null 2>&1 && echo yes || echo no',
              { input: `${password}\n` },
            )
          ).trim();
        const old = await logsIn(oldPassword);
        const current = await logsIn(newPassword);
        const booked = await call(api, 'POST', '/reservations', {
          token: fans[0].token,
          body: { showId, seats: 1 },
        });
        const secrets = (
          await inNode(manager, "docker secret ls --format '{{.Name}}' --filter name=musicapp_db_password")
        )
          .split('\n')
          .filter(Boolean);
        return {
          pass:
            result.failed === 0 &&
            newPassword !== oldPassword &&
            old === 'no' &&
            current === 'yes' &&
            booked.status === 201 &&
            secrets.length === 1,
          result: `done in ${seconds(tookMs)}; GET /shows ${statusText(result.statuses)}, failed ${result.failed}; the old password logs in: ${old}, the new one: ${current}; a reservation afterwards ${booked.status}; db password secrets now ${secrets.join(', ')}`,
        };
      },
    );
  }

  if (wanted('redeploy')) {
    await check('docker stack rm, then deploy again', 'every reservation is still there', async () => {
      const count =
        "select count(*) as n, coalesce(sum(status = 'confirmed'), 0) as confirmed from reservations";
      const [[before]] = await db.query(count);
      await removeStack(manager);
      // The release stack:up deployed: all four images carry its tag (the rolling update's tag exists for
      // api and web only, as compose/update.sh rolls only those).
      await inNode(manager, 'compose/deploy.sh >/dev/null', {
        REGISTRY: registry,
        TAG: tag,
        MUSICAPP_DEPLOY_ENV_FILE: DEPLOY_ENV_FILE,
      });
      await waitForStack(manager, 'musicapp', { timeoutMs: 6 * 60_000 });
      // As an operator (and stack:up) would: converged tasks, then the proxies serving them.
      const servingMs = await waitUntilServing({ web, api }, { timeoutMs: 30_000 });
      const [[after]] = await db.query(count);
      const shows = await call(api, 'GET', '/shows');
      return {
        pass: before.n === after.n && before.confirmed === after.confirmed && shows.status === 200,
        result: `${before.n} reservations (${before.confirmed} confirmed) before, ${after.n} (${after.confirmed}) after; serving through the proxies ${seconds(servingMs)} after convergence; GET /shows ${shows.status}`,
      };
    });
  }

  if (wanted('backup')) {
    await check(
      'backup under load, restored into a new stack (compose/backup.sh, compose/restore.sh)',
      'the fresh stack gets back every table and reservation as dumped; 0 failed during the dump',
      async () => {
        const { fans, showId } = await loadFans(1000, 200, 'Backup');
        return backupAndRestore({
          manager,
          registry,
          tag,
          deployEnv: { MUSICAPP_DEPLOY_ENV_FILE: DEPLOY_ENV_FILE },
          db,
          load: () => mixedLoad({ api, web, fans, showId }),
          serving: () => waitUntilServing({ web, api }, { timeoutMs: 30_000 }),
        });
      },
    );
  }
}

const watchdog = setTimeout(() => {
  console.error(`stack:test: over ${TIME_LIMIT_MS / 60_000} minutes; stopping`);
  process.exit(1);
}, TIME_LIMIT_MS);
let failed = false;
try {
  await main();
} catch (error) {
  console.error(`stack:test failed: ${error.stack ?? error}`);
  failed = true;
} finally {
  clearTimeout(watchdog);
  if (!options.keep) {
    await removeAll();
    rmSync(TEST_TLS_DIR, { recursive: true, force: true });
  }
}
console.log('\n== Stack test (docker-compose.yaml on a 3-node swarm) ==');
console.table(results);
const count = (state) => results.filter((r) => r.pass === state).length;
console.log(
  `stack:test: ${count('PASS')} passed, ${count('FAIL')} failed in ${seconds(Date.now() - started)}`,
);
process.exit(failed || count('PASS') === 0 || count('FAIL') > 0 ? 1 : 0);
