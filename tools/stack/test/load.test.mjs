import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combine, statusText } from '../load.mjs';

const run = (seconds, requests, statuses, latencies, failed = 0) => ({
  seconds,
  requests,
  statuses,
  latencies,
  errors: 0,
  failed,
  perSecond: requests / seconds,
  p99: 0,
});

test('several load measurements combine into one: summed counts, overall rate, p99 over every latency', () => {
  const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
  const all = combine([
    run(10, 1000, { 200: 990, 503: 10 }, latencies.slice(0, 50), 10),
    run(10, 500, { 200: 500 }, latencies.slice(50)),
  ]);
  assert.equal(all.requests, 1500);
  assert.equal(all.perSecond, 75);
  assert.deepEqual(all.statuses, { 200: 1490, 503: 10 });
  assert.equal(all.failed, 10);
  assert.equal(all.p99, 100);
});

test('statuses read as counts, a dash when there were none', () => {
  assert.equal(statusText({ 200: 3, 409: 1 }), '200×3 409×1');
  assert.equal(statusText({}), '—');
});
