import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { createDb } from '../src/db/create-db.js';
import { createLogger } from '../src/logger.js';
import { createCheckedApp, startTestApp, type TestApp, testConfig } from './helpers/test-app.js';

/** An app whose MySQL database is at `port` on loopback (nothing listening, or a black hole). */
function appOnDeadDatabase(port: number) {
  const config = testConfig();
  const db = createDb({
    client: 'mysql',
    host: '127.0.0.1',
    port,
    database: 'x',
    user: 'x',
    password: '',
    poolMax: 2,
  });
  return { app: createCheckedApp({ db, config, logger: createLogger('silent') }), db };
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as { port: number }).port;
}

describe('operations endpoints', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('GET /health → 200 ok, not cached', async () => {
    const res = await t.http().get('/health');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'success', data: { status: 'ok' } });
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('GET /ready → 200 when the database answers and migrations are done', async () => {
    const res = await t.http().get('/ready');
    assert.equal(res.status, 200);
    assert.equal(res.body.data.status, 'ready');
    assert.equal(res.body.data.migrations, 'done');
  });

  test('GET /docs → an OpenAPI 3.1 document describing every endpoint', async () => {
    const res = await t.http().get('/docs');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /application\/json/);
    assert.equal(res.body.openapi, '3.1.0');
    const expected = {
      '/albums': ['get', 'post'],
      '/albums/{id}': ['delete', 'get', 'put'],
      '/songs': ['get', 'post'],
      '/songs/{id}': ['delete', 'get', 'put'],
      '/users': ['get', 'post'],
      '/authentications': ['delete', 'post', 'put'],
      '/playlists': ['get', 'post'],
      '/playlists/{id}': ['delete'],
      '/playlists/{id}/songs': ['delete', 'get', 'post'],
      '/playlists/{id}/activities': ['get'],
      '/collaborations': ['delete', 'post'],
      '/shows': ['get', 'post'],
      '/shows/{id}': ['delete', 'get', 'put'],
      '/reservations': ['get', 'post'],
      '/reservations/{id}': ['delete', 'get'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      assert.deepEqual(Object.keys(res.body.paths[path] ?? {}).sort(), methods, path);
    }
    const songBody = res.body.paths['/songs'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(songBody.required.sort(), ['genre', 'performer', 'title', 'year']);
    assert.equal(songBody.additionalProperties, false);
  });

  test('X-Request-ID is echoed when valid and generated when missing or malformed', async () => {
    const echoed = await t.http().get('/health').set('X-Request-ID', 'abc-123');
    assert.equal(echoed.headers['x-request-id'], 'abc-123');
    const generated = await t.http().get('/health');
    assert.match(generated.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);
    const malformed = await t.http().get('/health').set('X-Request-ID', 'bad id <script>');
    assert.notEqual(malformed.headers['x-request-id'], 'bad id <script>');
  });

  test('responses carry security headers and no X-Powered-By', async () => {
    const res = await t.http().get('/health');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.match(res.headers['strict-transport-security'] ?? '', /max-age=\d+/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['x-powered-by'], undefined);
    // helmet's headers for HTML documents mean nothing on JSON: not sent.
    for (const name of ['x-xss-protection', 'x-dns-prefetch-control', 'origin-agent-cluster']) {
      assert.equal(res.headers[name], undefined, name);
    }
  });

  test('an unknown route → 404 fail envelope in JSON', async () => {
    const res = await t.http().get('/nowhere');
    assert.equal(res.status, 404);
    assert.equal(res.body.status, 'fail');
    assert.match(res.body.message, /GET \/nowhere/);
  });
});

describe('database unavailable', () => {
  test('nothing listening on the database port → 503 error envelope within 2 s; /health stays 200', async () => {
    const server = createServer();
    const port = await listen(server);
    server.close(); // the port is now closed: connections are refused
    const { app, db } = appOnDeadDatabase(port);
    try {
      const started = Date.now();
      const res = await request(app).get('/songs?title=x');
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      assert.equal(res.status, 503);
      assert.equal(res.body.status, 'error');
      assert.ok(!JSON.stringify(res.body).includes('ECONNREFUSED'), 'no driver detail leaks');
      assert.equal((await request(app).get('/ready')).status, 503);
      assert.equal((await request(app).get('/health')).status, 200);
    } finally {
      await db.destroy();
    }
  });

  test('a database that accepts but never answers → 503 after at most ~2 s, not a hanging request', async () => {
    const sockets = new Set<Socket>();
    const blackHole = createServer((socket) => sockets.add(socket));
    const port = await listen(blackHole);
    const { app, db } = appOnDeadDatabase(port);
    try {
      const started = Date.now();
      const res = await request(app).get('/albums/album-x');
      const elapsed = Date.now() - started;
      assert.equal(res.status, 503);
      assert.equal(res.body.status, 'error');
      assert.ok(elapsed < 3000, `took ${elapsed} ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      blackHole.close();
      await db.destroy();
    }
  });
});
