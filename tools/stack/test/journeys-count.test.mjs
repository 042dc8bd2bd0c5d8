import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '@musicapp/test-kit';
import { declaredJourneys, tapCounts } from '../checks/060-journeys.mjs';

test('the journeys a file declares are its test( calls, not skipped or todo ones', () => {
  const source = [
    "describe('journeys', () => {",
    "  test('one', async () => {});",
    "  test.skip('two', async () => {});",
    "  test.todo('three');",
    '  test(`four`, async () => {});',
    "  // a test('in a comment') mid-line is not one",
    '});',
  ].join('\n');
  assert.equal(declaredJourneys(source), 2);
});

test('in the browser journeys file, every test given a title is counted (the check compares the passed ones with them)', () => {
  const source = readFileSync(join(repoRoot, 'apps/web/e2e/journeys.e2e.ts'), 'utf8');
  const titled = source.match(/\btest\(['`"]/g)?.length ?? 0;
  assert.ok(titled > 0);
  assert.equal(declaredJourneys(source), titled);
});

test("node's TAP summary gives the counts; a missing line is null, not 0", () => {
  const tap = '# tests 15\n# suites 1\n# pass 14\n# fail 1\n# cancelled 0\n# skipped 0\n';
  assert.deepEqual(tapCounts(tap), { passed: 14, failed: 1, cancelled: 0 });
  assert.deepEqual(tapCounts('TAP version 13\n'), { passed: null, failed: null, cancelled: null });
});
