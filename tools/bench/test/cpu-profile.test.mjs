import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { topOfProfile } from '../cpu-profile.mjs';

test('a CPU profile is summed up as shares of the busy time, by function and by package', () => {
  const frame = (functionName, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(idle)') },
      { id: 2, callFrame: frame('query', 'file:///srv/node_modules/knex/lib/runner.js', 9) },
      { id: 3, callFrame: frame('handler', 'file:///srv/repo/apps/api/dist/app.js', 41) },
    ],
    // Half the recording idle; of the busy half, knex three quarters.
    samples: [1, 1, 1, 1, 2, 2, 2, 3],
  };
  const dir = mkdtempSync(join(tmpdir(), 'musicapp-bench-test-'));
  try {
    writeFileSync(join(dir, 'api.cpuprofile'), JSON.stringify(profile));
    const top = topOfProfile(dir);
    assert.equal(top.idlePercent, '50');
    assert.deepEqual(top.functions, [
      { '% of busy': '75.0', function: 'query knex/lib/runner.js:10' },
      { '% of busy': '25.0', function: 'handler apps/api/dist/app.js:42' },
    ]);
    assert.deepEqual(
      top.packages.map((row) => row['package or builtin']),
      ['knex', 'musicapp'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
