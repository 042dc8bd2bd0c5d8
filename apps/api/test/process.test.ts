import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  return { child, output: () => ({ stdout, stderr }) };
}

async function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return code as number | null;
}

describe('the api process', { timeout: 60_000 }, () => {
  test('a missing required setting stops start-up with one line naming it and exit code 78', async () => {
    const { child, output } = start({ NODE_ENV: 'production', DB_HOST: '127.0.0.1' });
    assert.equal(await exitOf(child, 20_000), 78);
    const lines = output().stderr.trim().split('\n');
    assert.equal(lines.length, 1, output().stderr);
    assert.match(lines[0] ?? '', /ACCESS_TOKEN_KEY is required/);
  });

  test('it serves, finishes in-flight requests on SIGTERM, closes the pool and exits 0', async () => {
    assert.ok(TSX);
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'musicapp-process-'));
    const { child, output } = start({
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_FILE: join(dir, 'api.sqlite'),
      ADMIN_USERNAME: 'boss',
      ADMIN_PASSWORD: 'boss-password',
    });
    try {
      let healthy = false;
      for (let i = 0; i < 100 && !healthy; i++) {
        healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (!healthy) await sleep(100);
      }
      assert.ok(healthy, output().stderr);
      // The admin was bootstrapped from ADMIN_USERNAME/ADMIN_PASSWORD.
      const login = await fetch(`http://127.0.0.1:${port}/authentications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'boss', password: 'boss-password' }),
      });
      assert.equal(login.status, 201);
      // A login (bcrypt) is in flight when SIGTERM arrives: it still completes.
      const inFlight = fetch(`http://127.0.0.1:${port}/authentications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'boss', password: 'boss-password' }),
      });
      await sleep(10);
      child.kill('SIGTERM');
      assert.equal((await inFlight).status, 201);
      assert.equal(await exitOf(child, 15_000), 0);
      const logs = output().stdout;
      assert.match(logs, /"msg":"shutting down/);
      assert.match(logs, /"msg":"stopped cleanly"/);
      for (const line of logs.trim().split('\n')) JSON.parse(line); // every log line is JSON
    } finally {
      child.kill('SIGKILL');
    }
  });
});
