import assert from 'node:assert/strict';
import { test } from 'node:test';
import { variablesReachingDev, variablesReachingTask } from '../src/index.mjs';

test("turbo's dry run tells which variables reach a dev task, and drops the others", () => {
  const reaching = variablesReachingDev('@musicapp/api', ['PORT', 'MUSICAPP_NEVER_DECLARED']);
  assert.ok(reaching.has('PORT'), 'PORT is in the dev passThroughEnv');
  assert.ok(!reaching.has('MUSICAPP_NEVER_DECLARED'));
});

test('the same for any task: the api test task gets TEST_DB, and not what nothing declares', () => {
  const reaching = variablesReachingTask('@musicapp/api', 'test', ['TEST_DB', 'MUSICAPP_NEVER_DECLARED']);
  assert.ok(reaching.has('TEST_DB'), 'TEST_DB is in the globalPassThroughEnv');
  assert.ok(!reaching.has('MUSICAPP_NEVER_DECLARED'));
});
