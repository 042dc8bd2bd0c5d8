import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnApi, startApi } from '@musicapp/test-kit';

const login = (base: string) =>
  fetch(`${base}/authentications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'boss', password: 'boss-password' }),
  });

describe('the api process', { timeout: 60_000 }, () => {
  test('a missing required setting stops start-up with one line naming it and exit code 78', async () => {
    const api = spawnApi({ entry: 'source', env: { NODE_ENV: 'production', DB_HOST: '127.0.0.1' } });
    assert.equal(await api.exited(20_000), 78);
    const lines = api.output().stderr.trim().split('\n');
    assert.equal(lines.length, 1, api.output().stderr);
    assert.match(lines[0] ?? '', /ACCESS_TOKEN_KEY is required/);
  });

  test('outside production, a database server or a public address without keys stops start-up too', async () => {
    // The development keys are in the repository: a token forged with them must never be accepted by
    // an api that other people can reach or that holds real data.
    const unsafe: Record<string, string>[] = [{ DB_HOST: '127.0.0.1' }, { HOST: '0.0.0.0' }];
    for (const env of unsafe) {
      const api = spawnApi({ entry: 'source', env });
      assert.equal(await api.exited(20_000), 78, JSON.stringify(env));
      assert.match(api.output().stderr, /ACCESS_TOKEN_KEY is required with .*development key is public/);
    }
  });

  test('it serves, finishes in-flight requests on SIGTERM, closes the pool and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'musicapp-process-'));
    const api = await startApi({
      entry: 'source',
      env: { SQLITE_FILE: join(dir, 'api.sqlite'), ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'boss-password' },
    });
    try {
      // The admin was bootstrapped from ADMIN_USERNAME/ADMIN_PASSWORD.
      assert.equal((await login(api.base)).status, 201);
      // A login (bcrypt) is in flight when SIGTERM arrives: it still completes.
      const inFlight = login(api.base);
      await sleep(10);
      api.child.kill('SIGTERM');
      assert.equal((await inFlight).status, 201);
      assert.equal(await api.exited(15_000), 0);
      const logs = api.output().stdout;
      assert.match(logs, /"msg":"shutting down/);
      assert.match(logs, /"msg":"stopped cleanly"/);
      for (const line of logs.trim().split('\n')) JSON.parse(line); // every log line is JSON
    } finally {
      api.kill();
    }
  });
});
