import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationSeconds, replicasOf } from '../stack-file.mjs';

test('compose durations are read as seconds, units combined', () => {
  assert.equal(durationSeconds('30s'), 30);
  assert.equal(durationSeconds('1m30s'), 90);
  assert.equal(durationSeconds('500ms'), 0.5);
  assert.equal(durationSeconds('1h'), 3600);
});

test("a service's replicas are its deploy.replicas, 1 when unset, or 'global'", () => {
  assert.equal(replicasOf({ deploy: { replicas: 3 } }), 3);
  assert.equal(replicasOf({}), 1);
  assert.equal(replicasOf({ deploy: { mode: 'global' } }), 'global');
});
