import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the API reference', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('GET /openapi.json → the OpenAPI 3.1 document, under the api’s strict policy', async () => {
    const res = await t.http().get('/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /application\/json/);
    assert.equal(res.body.openapi, '3.1.0');
    assert.equal(res.body.paths['/reservations'].post['x-access'], 'user');
    assert.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
  });

  test('GET /docs from an API client (no Accept, */*, JSON) → the same document as before', async () => {
    const document = (await t.http().get('/openapi.json')).body;
    for (const accept of [undefined, '*/*', 'application/json']) {
      const req = t.http().get('/docs');
      const res = await (accept ? req.set('Accept', accept) : req);
      assert.equal(res.status, 200, String(accept));
      assert.match(res.headers['content-type'] ?? '', /application\/json/, String(accept));
      assert.deepEqual(res.body, document, String(accept));
      assert.match(res.headers.vary ?? '', /Accept/);
    }
  });

  test('GET /docs from a browser → the reference page, with a policy of its own that allows only its script', async () => {
    const res = await t.http().get('/docs').set('Accept', BROWSER_ACCEPT);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /text\/html/);
    assert.match(res.headers.vary ?? '', /Accept/);
    const page = res.text;
    assert.match(page, /<script src="\/docs\/assets\/swagger-ui-bundle\.js"><\/script>/);
    assert.match(page, /url: '\/openapi\.json'/);
    const inline = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    assert.equal(inline.length, 1, 'one inline script');
    const hash = createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64');
    const policy = res.headers['content-security-policy'] ?? '';
    assert.ok(policy.includes(`script-src 'self' 'sha256-${hash}'`), policy);
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /connect-src 'self'/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.doesNotMatch(policy, /unsafe-eval|https?:/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
  });

  test('Swagger UI’s script and stylesheet are served by the api itself; nothing else of the package is', async () => {
    const script = await t.http().get('/docs/assets/swagger-ui-bundle.js');
    assert.equal(script.status, 200);
    assert.match(script.headers['content-type'] ?? '', /javascript/);
    const style = await t.http().get('/docs/assets/swagger-ui.css');
    assert.equal(style.status, 200);
    assert.match(style.headers['content-type'] ?? '', /text\/css/);
    for (const other of ['package.json', 'index.html', 'swagger-initializer.js', '../../package.json']) {
      const res = await t.http().get(`/docs/assets/${other}`);
      assert.equal(res.status, 404, other);
      assert.equal(res.body.status, 'fail', other);
    }
  });
});
