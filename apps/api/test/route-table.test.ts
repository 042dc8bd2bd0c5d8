import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import express, { type Express } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { errorHandler } from '../src/http/error-handler.js';
import { createLogger } from '../src/logger.js';
import type { AccessGuards } from '../src/routes/access.js';
import { route } from '../src/routes/route.js';
import { mountRoutes } from '../src/routes/route-table.js';
import { createCheckedApp, startTestApp, type TestApp, testConfig } from './helpers/test-app.js';

/** A layer of an Express 5 router stack: a route, a mounted router, or plain middleware. */
interface Layer {
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle: { stack?: Layer[] };
  rawPath?: unknown;
}

/**
 * Every method and path an app answers through a route, as `GET /albums/{id}`, found by walking its
 * router stack (into routers mounted with `app.use`). Middleware that is not a router (helmet, the
 * reference's static files) serves no API route and is passed over.
 */
function mountedRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = `${prefix}${String(layer.route.path)}`.replace(/:(\w+)/g, '{$1}');
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on) found.push(`${method.toUpperCase()} ${path}`);
        }
      } else if (layer.handle.stack) {
        // A router at a pattern rather than a plain path hides its routes' paths: name it, so it shows.
        if (typeof layer.rawPath !== 'string') found.push(`USE ${String(layer.rawPath)}`);
        else walk(layer.handle.stack, layer.rawPath === '/' ? prefix : `${prefix}${layer.rawPath}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found;
}

type Document = { paths: Record<string, Record<string, { 'x-access'?: string; security?: unknown }>> };

function documentedRoutes(document: Document): string[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** What the app serves but the document leaves out, and what the document promises but nothing serves. */
function disagreements(app: Express, document: Document) {
  const mounted = mountedRoutes(app);
  const documented = documentedRoutes(document);
  return {
    undeclared: mounted.filter((route) => !documented.includes(route)),
    unmounted: documented.filter((route) => !mounted.includes(route)),
  };
}

describe('the route table', () => {
  let t: TestApp;
  let document: Document;
  before(async () => {
    t = await startTestApp();
    document = (await t.http().get('/openapi.json')).body;
  });
  after(() => t.close());

  test('every route the api mounts is in /openapi.json, and every operation there is mounted', () => {
    assert.deepEqual(disagreements(t.app, document), { undeclared: [], unmounted: [] });
  });

  test('a route registered around the route table is caught, on the app or on a mounted router', () => {
    const app = createCheckedApp({ db: t.db, config: t.config, logger: createLogger('silent') });
    app.get('/undeclared', (_req, res) => {
      res.json({ status: 'success' });
    });
    const router = express.Router();
    router.delete('/:id', (_req, res) => {
      res.json({ status: 'success' });
    });
    app.use('/elsewhere', router);
    assert.deepEqual(disagreements(app, document), {
      undeclared: ['GET /undeclared', 'DELETE /elsewhere/{id}'],
      unmounted: [],
    });
  });

  test('every operation says who may call it; every protected one asks for the bearer token', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        assert.ok(['public', 'user', 'owner', 'admin'].includes(operation['x-access'] ?? ''), name);
        assert.equal(operation['x-access'] !== 'public', Boolean(operation.security), name);
      }
    }
    const access = (name: string) => {
      const [method = '', path = ''] = name.split(' ');
      return document.paths[path]?.[method.toLowerCase()]?.['x-access'];
    };
    assert.equal(access('POST /shows'), 'admin');
    assert.equal(access('POST /albums'), 'admin');
    assert.equal(access('POST /reservations'), 'user');
    assert.equal(access('GET /reservations/{id}'), 'owner');
    assert.equal(access('GET /shows'), 'public');
  });

  test('with CATALOG_WRITES=public album and song writes are documented as public, and still agree', async () => {
    const app = createCheckedApp({
      db: t.db,
      config: testConfig({ CATALOG_WRITES: 'public' }),
      logger: createLogger('silent'),
    });
    const open: Document = (await request(app).get('/openapi.json')).body;
    assert.deepEqual(disagreements(app, open), { undeclared: [], unmounted: [] });
    for (const [path, method] of [
      ['/albums', 'post'],
      ['/songs/{id}', 'put'],
      ['/songs/{id}', 'delete'],
    ] as const) {
      assert.equal(open.paths[path]?.[method]?.['x-access'], 'public', `${method} ${path}`);
    }
    assert.equal(open.paths['/shows']?.post?.['x-access'], 'admin', 'shows stay admin-only');
  });
});

describe("the route table's answers", () => {
  const created = z.object({
    status: z.literal('success'),
    message: z.string(),
    data: z.object({ id: z.string() }),
  });
  const anyone: AccessGuards = { public: [], user: [], owner: [], admin: [] };

  /** An app serving one route that answers `data`, its answers checked or not. */
  function appAnswering(data: () => unknown, checkResponses: boolean) {
    const app = express();
    const declaration = route({
      method: 'post',
      path: '/things',
      access: 'public',
      summary: 'Add a thing',
      status: 201,
      response: created,
      handler: () => ({ message: 'Thing added', data: data() as { id: string } }),
    });
    mountRoutes(app, [declaration], anyone, { checkResponses });
    app.use(errorHandler(createLogger('silent')));
    return app;
  }

  test('checked, an answer its schema refuses or with a key it does not know → 500 naming the drift', async () => {
    for (const [data, drift] of [
      [{ id: 7 }, /data\.id: Invalid input: expected string, received number/],
      [{}, /data\.id: Invalid input: expected string, received undefined/],
      [{ id: 'thing-1', ownerId: 'user-1' }, /data\.ownerId: not in the schema/],
    ] as const) {
      const res = await request(appAnswering(() => data, true)).post('/things');
      assert.equal(res.status, 500, JSON.stringify(data));
      assert.equal(res.body.status, 'error');
      assert.match(res.body.message, /^POST \/things answered outside its declared response schema: /);
      assert.match(res.body.message, drift);
    }
  });

  test('checked or not, a right answer is sent as it is, in the envelope, with the declared status', async () => {
    for (const checked of [true, false]) {
      const res = await request(appAnswering(() => ({ id: 'thing-1' }), checked)).post('/things');
      assert.equal(res.status, 201);
      assert.equal(res.text, '{"status":"success","message":"Thing added","data":{"id":"thing-1"}}');
      assert.match(res.headers['content-type'] ?? '', /^application\/json; charset=utf-8$/);
    }
  });

  test('unchecked (production), a drift is not looked for: the answer goes out as the handler gave it', async () => {
    const res = await request(appAnswering(() => ({ id: 7 }), false)).post('/things');
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.data, { id: 7 });
  });

  test('the same data object answered again (a cached answer) is serialised once', async () => {
    let serialisations = 0;
    const cached = {
      toJSON() {
        serialisations += 1;
        return { id: 'thing-1' };
      },
    };
    const app = appAnswering(() => cached, true);
    for (let i = 0; i < 3; i++) {
      const res = await request(app).post('/things');
      assert.deepEqual(res.body.data, { id: 'thing-1' });
    }
    assert.equal(serialisations, 1);
    await request(appAnswering(() => ({ ...cached }), true)).post('/things');
    assert.equal(serialisations, 2, 'a new object is serialised anew');
  });
});
