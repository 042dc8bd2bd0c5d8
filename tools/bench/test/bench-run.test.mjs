import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atEnd, runBench } from '../bench-run.mjs';

test('a bench that fails still runs every cleanup, the last registered first', async () => {
  const done = [];
  await assert.rejects(
    runBench(async () => {
      atEnd(() => done.push('database dropped'));
      atEnd(async () => {
        done.push('api stopped');
        throw new Error('already gone'); // one failing cleanup stops none of the others
      });
      throw new Error('load failed');
    }),
    /load failed/,
  );
  assert.deepEqual(done, ['api stopped', 'database dropped']);
});
