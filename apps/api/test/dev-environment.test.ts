import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES } from '../src/config.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface TaskEnvironment {
  configured: string[] | null;
  inferred: string[] | null;
  passthrough: string[] | null;
}

/**
 * The variables `turbo run dev` hands to this package's dev task, asked of turbo itself (a dry run with
 * each of `names` set), so its strict env mode and wildcards are read as turbo reads them.
 */
function reachingDev(names: readonly string[]): Set<string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', TURBO_TELEMETRY_DISABLED: '1' };
  for (const name of names) env[name] = 'set';
  const output = execFileSync(
    join(ROOT, 'node_modules/.bin/turbo'),
    ['run', 'dev', '--dry=json', '--filter=@musicapp/api'],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  const plan = JSON.parse(output) as {
    globalCacheInputs: { environmentVariables: TaskEnvironment };
    tasks: { taskId: string; environmentVariables: TaskEnvironment }[];
  };
  const task = plan.tasks.find((t) => t.taskId === '@musicapp/api#dev');
  assert.ok(task, 'turbo plans @musicapp/api#dev');
  const reaching = new Set<string>();
  for (const group of [plan.globalCacheInputs.environmentVariables, task.environmentVariables]) {
    for (const entry of [
      ...(group.configured ?? []),
      ...(group.inferred ?? []),
      ...(group.passthrough ?? []),
    ]) {
      reaching.add(entry.slice(0, entry.indexOf('=')));
    }
  }
  return reaching;
}

describe('npm run dev', () => {
  test('every variable config.ts reads, <NAME>_FILE secrets included, reaches the api through turbo', () => {
    assert.ok(CONFIG_VARIABLES.includes('PORT') && CONFIG_VARIABLES.includes('DB_PASSWORD_FILE'));
    const reaching = reachingDev(CONFIG_VARIABLES);
    const dropped = CONFIG_VARIABLES.filter((name) => !reaching.has(name));
    assert.deepEqual(dropped, [], `add to turbo.json's dev passThroughEnv: ${dropped.join(', ')}`);
  });

  test('.env.example describes each of them in its api section, with its default, and no other', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const api = example.split(/^## /m).find((section) => section.startsWith('api'));
    assert.ok(api, '.env.example has an "## api" section');
    const lines = api.split('\n');
    const described: string[] = [];
    lines.forEach((line, at) => {
      const name = /^# ([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
      if (!name) return;
      described.push(name);
      const meaning = lines[at - 1] ?? '';
      assert.match(meaning, /^# [A-Za-z(`]/, `${name} has a one-line meaning above it`);
      assert.doesNotMatch(meaning, /^# [A-Z][A-Z0-9_]*=/, `${name} has a one-line meaning above it`);
    });
    const missing = CONFIG_VARIABLES.filter((name) => !described.includes(name));
    const unknown = described.filter((name) => !CONFIG_VARIABLES.includes(name));
    assert.deepEqual({ missing, unknown }, { missing: [], unknown: [] });
  });
});
