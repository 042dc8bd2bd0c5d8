import { randomBytes } from 'node:crypto';
import { NODES } from '../local-swarm.mjs';
import { nodeScript } from '../runbook/in-container.mjs';
import { containersOf } from '../swarm-stack.mjs';

const stamp = (prefix) => `stack-test-${prefix}${randomBytes(4).toString('hex')}`;

/** nginx-frontend's page: security headers, gzip, no version; a static asset cached by nginx. */
async function frontendPage(ctx, problems) {
  const page = await fetch(`${ctx.web}/shows`, { headers: { 'accept-encoding': 'gzip' } });
  if (page.status !== 200) problems.push(`/shows ${page.status}`);
  for (const header of ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'x-request-id']) {
    if (!page.headers.get(header)) problems.push(`nginx-frontend lacks ${header}`);
  }
  if (page.headers.get('content-encoding') !== 'gzip') problems.push('page not gzipped');
  if (/\d/.test(page.headers.get('server') ?? '')) problems.push('nginx-frontend shows its version');
  const asset = (await page.text()).match(/\/_next\/static\/[^"']+\.js/)?.[0];
  if (!asset) {
    problems.push('no /_next/static asset in the page');
    return;
  }
  const since = Date.now() - 1000;
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${ctx.web}${asset}`);
    await res.arrayBuffer();
    if (res.status !== 200 || !/max-age=\d{7,}/.test(res.headers.get('cache-control') ?? '')) {
      problems.push(`${asset} → ${res.status} ${res.headers.get('cache-control')}`);
    }
  }
  const hits = (await ctx.logs.proxy('frontend', since)).filter((e) => e.uri === asset);
  if (hits.length !== 3) problems.push(`the asset logged ${hits.length}/3 times`);
  const fromWeb = hits.filter((e) => e.upstream !== '').length;
  if (fromWeb > 1) problems.push(`asset fetched from the web ${fromWeb}/3 times: not cached by nginx`);
}

/**
 * Request ids: passed through and made; the browser's address as nginx-frontend saw it is the client
 * nginx-backend counts for the page's api calls (it believes the web replicas' X-Forwarded-For, and only
 * theirs); one id in all four logs a failing page (a bad cursor) passes through.
 */
async function requestIds(ctx, problems) {
  const id = stamp('');
  const shows = await fetch(`${ctx.api}/shows`, { headers: { 'x-request-id': id } });
  if (shows.headers.get('x-request-id') !== id) problems.push('X-Request-ID not passed through');
  const logged = (await ctx.logs.proxy('backend', Date.now() - 5000)).find((e) => e.requestId === id);
  if (!logged?.upstream) problems.push('nginx-backend did not log the request with its replica');
  if (!(await fetch(`${ctx.api}/health`)).headers.get('x-request-id')) problems.push('no X-Request-ID made');

  const pageId = stamp('page-');
  const pageSince = Date.now() - 1000;
  await (await fetch(`${ctx.web}/shows`, { headers: { 'x-request-id': pageId } })).arrayBuffer();
  const browser = (await ctx.logs.proxy('frontend', pageSince)).find((e) => e.requestId === pageId)?.client;
  const counted = (await ctx.logs.proxy('backend', pageSince, NODES))
    .filter((e) => e.requestId === pageId)
    .map((e) => e.client);
  if (!browser || !counted.length || counted.some((client) => client !== browser)) {
    problems.push(`the browser ${browser} reached nginx-backend as ${counted.join(',') || 'nothing'}`);
  }

  const traceId = stamp('trace-');
  const since = Date.now() - 1000;
  await (
    await fetch(`${ctx.web}/shows?cursor=garbage`, { headers: { 'x-request-id': traceId } })
  ).arrayBuffer();
  const tracedIn = {
    'nginx-frontend': (await ctx.logs.proxy('frontend', since)).some((e) => e.requestId === traceId),
    web: (await ctx.logs.tasks('web', since)).some((line) => line.includes(`"requestId":"${traceId}"`)),
    'nginx-backend': (await ctx.logs.proxy('backend', since, NODES)).some((e) => e.requestId === traceId),
    api: (await ctx.logs.tasks('api', since)).some((line) => line.includes(`"reqId":"${traceId}"`)),
  };
  const unlogged = Object.keys(tracedIn).filter((where) => !tracedIn[where]);
  if (unlogged.length) problems.push(`request id not in the logs of ${unlogged.join(', ')}`);
}

/**
 * `count` quick POSTs to `path` from this client, each claiming another address when `claim`; their
 * statuses (a 429 must carry the api's envelope).
 */
async function burst(ctx, path, count, { body, claim }, problems) {
  const statuses = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${ctx.api}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(claim ? { 'x-forwarded-for': `203.0.113.${i + 1}` } : {}),
      },
      body: body(i),
    });
    statuses.push(res.status);
    if (res.status === 429 && (await res.json()).status !== 'fail') problems.push('429 without the envelope');
  }
  return statuses;
}

/**
 * The stack's login limit (10r/m, burst 5): the 7th quick attempt from one client is refused although
 * each claims another address (X-Forwarded-For is believed only from the overlay networks, and this
 * client is outside them); the same from an api task, on nginx-backend's other overlay, as private as
 * the web's and still not believed. Registrations: a burst of 10, then 429; empty bodies are refused by
 * the api, so no account is made, but nginx counts every attempt.
 */
async function limits(ctx, problems) {
  const wrongLogin = (i) => JSON.stringify({ username: `nobody${i}`, password: 'wrong-password' });
  const logins = await burst(ctx, '/authentications', 8, { body: wrongLogin, claim: true }, problems);
  const refusedLate = (statuses) => statuses.includes(429) && !statuses.slice(0, 6).includes(429);
  if (!refusedLate(logins)) problems.push(`login limit: ${logins.join(',')}`);
  const registrations = await burst(ctx, '/users', 12, { body: () => '{}', claim: false }, problems);
  if (registrations.slice(0, 10).includes(429) || registrations.at(-1) !== 429) {
    problems.push(`registration limit: ${registrations.join(',')}`);
  }
  const [apiTask] = await containersOf('api');
  const inside = (await nodeScript(apiTask, 'login-limit', { NODE_TLS_REJECT_UNAUTHORIZED: '0' })).trim();
  const insideStatuses = inside.split(',').map(Number);
  if (!refusedLate(insideStatuses)) problems.push(`login limit from inside the cluster: ${inside}`);
  return `logins: ${logins.join(' ')}, from an api task ${insideStatuses.join(' ')}; registrations ${registrations.join(' ')}`;
}

export const check = {
  name: 'proxy behaviour',
  target:
    'headers, gzip, static cache, request ids in every log, body limit; login and registration limits per browser, not fooled by X-Forwarded-For',
  async run(ctx) {
    const problems = [];
    await frontendPage(ctx, problems);
    await requestIds(ctx, problems);
    const big = await fetch(`${ctx.api}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x'.repeat(2_000_000) }),
    });
    const bigBody = await big.json().catch(() => null);
    if (big.status !== 413 || bigBody?.status !== 'fail') problems.push(`oversized body → ${big.status}`);
    // Last: it spends the login limit's burst, which the throughput check then gives time to refill.
    const limited = await limits(ctx, problems);
    return {
      pass: problems.length === 0,
      result: problems.length
        ? problems.join('; ')
        : `all as configured (${limited}; the browser's address counted behind the web; one request id in all four logs)`,
    };
  },
};
