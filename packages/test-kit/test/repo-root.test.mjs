import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../src/index.mjs';

test('repoRoot is the folder of the package.json that declares the workspaces', () => {
  assert.ok(repoRoot.endsWith('/'));
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  assert.ok(manifest.workspaces.includes('packages/*'));
});
