import assert from 'node:assert/strict';
import { test } from 'node:test';
import { variablesReachingDev } from '../src/index.mjs';

test("turbo's dry run tells which variables reach a dev task, and drops the others", () => {
  const reaching = variablesReachingDev('@musicapp/api', ['PORT', 'MUSICAPP_NEVER_DECLARED']);
  assert.ok(reaching.has('PORT'), 'PORT is in the dev passThroughEnv');
  assert.ok(!reaching.has('MUSICAPP_NEVER_DECLARED'));
});
