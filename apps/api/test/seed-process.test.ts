import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SEED = fileURLToPath(new URL('../src/seed.ts', import.meta.url));

/** Runs `npm run db:seed`'s script (the first step of the api's `npm run dev`) with only `env`. */
function seed(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', SEED],
      { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, timeout: 45_000 },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stderr }),
    );
  });
}

const oneLine = (stderr: string) => {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${stderr}`);
  return lines[0] ?? '';
};

describe('npm run db:seed', { timeout: 120_000 }, () => {
  test('a bad setting stops it with one line naming the setting and exit code 78', async () => {
    const { code, stderr } = await seed({ BCRYPT_COST: '4' });
    assert.equal(oneLine(stderr), 'db:seed: invalid configuration: BCRYPT_COST must be at least 10');
    assert.equal(code, 78);
  });

  test('a database it cannot open stops it with one line naming the database and the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'musicapp-seed-'));
    writeFileSync(join(dir, 'a-file'), '');
    const { code, stderr } = await seed({ SQLITE_FILE: join(dir, 'a-file', 'musicapp.sqlite') });
    assert.match(
      oneLine(stderr),
      /^db:seed: cannot seed the SQLite file .*a-file\/musicapp\.sqlite: .*EEXIST/,
    );
    assert.equal(code, 1);
  });

  test('a fresh database is migrated and seeded, and a second run leaves it as it is', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'musicapp-seed-')), 'musicapp.sqlite');
    for (let run = 0; run < 2; run++) {
      const { code, stderr } = await seed({ SQLITE_FILE: file });
      assert.equal(stderr, '');
      assert.equal(code, 0);
    }
  });
});
