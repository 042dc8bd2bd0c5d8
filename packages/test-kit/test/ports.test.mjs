import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { freePort } from '../src/index.mjs';

test('freePort answers a loopback port a server can then listen on', async () => {
  const port = await freePort();
  assert.ok(port > 0 && port < 65_536);
  const server = createServer().listen(port, '127.0.0.1');
  await once(server, 'listening');
  server.close();
});
