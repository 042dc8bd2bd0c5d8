import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot, variablesReachingDev } from '@musicapp/test-kit';
import { CONFIG_VARIABLES } from '../src/config.js';

describe('npm run dev', () => {
  test('every variable config.ts reads, <NAME>_FILE secrets included, reaches the api through turbo', () => {
    assert.ok(CONFIG_VARIABLES.includes('PORT') && CONFIG_VARIABLES.includes('DB_PASSWORD_FILE'));
    const reaching = variablesReachingDev('@musicapp/api', CONFIG_VARIABLES);
    const dropped = CONFIG_VARIABLES.filter((name) => !reaching.has(name));
    assert.deepEqual(dropped, [], `add to turbo.json's dev passThroughEnv: ${dropped.join(', ')}`);
  });

  test('.env.example describes each of them in its api section, with its default, and no other', () => {
    const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');
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
