import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { freePort, startProcess, waitUntilAnswering } from '../src/index.mjs';

/** A node one-liner: a server that answers 200 after `delayMs`, and says goodbye on SIGTERM. */
const server = (port, delayMs) => `
  setTimeout(() => require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1'), ${delayMs});
  process.on('SIGTERM', () => { console.log('draining'); process.exit(0); });`;

describe('a server process', () => {
  test('is waited for until its URL answers, then stopped with SIGTERM and awaited', async () => {
    const port = await freePort();
    const child = startProcess(process.execPath, ['-e', server(port, 300)]);
    await waitUntilAnswering(child, `http://127.0.0.1:${port}/`, { what: 'the server' });
    assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'ok');
    await child.stop();
    assert.equal(child.child.exitCode, 0);
    assert.match(child.output().stdout, /draining/);
  });

  test('that exits before it answers fails the wait at once, with what it said', async () => {
    const child = startProcess(process.execPath, ['-e', 'console.error("no database"); process.exit(3)']);
    await assert.rejects(
      waitUntilAnswering(child, 'http://127.0.0.1:9/', { what: 'the doomed server' }),
      /the doomed server exited \(3\) before it answered:\s+no database/,
    );
  });

  test('whose address is not known yet is asked for it again until it is', async () => {
    const port = await freePort();
    const child = startProcess(process.execPath, ['-e', server(port, 0)]);
    let asked = 0;
    try {
      await waitUntilAnswering(child, () => (++asked < 3 ? undefined : `http://127.0.0.1:${port}/`));
      // Asked until it gave an address, then (on a busy machine) maybe again while the server starts.
      assert.ok(asked >= 3, `asked ${asked} times`);
    } finally {
      child.kill();
    }
    assert.equal(await child.exited(5000), null, 'killed by a signal');
  });
});
