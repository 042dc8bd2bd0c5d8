import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCheck, summary } from '../runbook/results.mjs';

const quiet = { log: () => {} };
const check = (run) => ({ name: 'a check', target: 'its target', run });

test('a check that resolves pass: true is a PASS row with its result, and is printed as one line', async () => {
  const lines = [];
  let now = 1000;
  const row = await runCheck(
    check(async () => ({ pass: true, result: '3 of 3' })),
    {},
    {
      log: (line) => lines.push(line),
      now: () => (now += 1500),
    },
  );
  assert.deepEqual(row, {
    step: 'a check',
    target: 'its target',
    pass: 'PASS',
    result: '3 of 3',
    duration: '1.5 s',
  });
  assert.deepEqual(lines, ['PASS  a check: 3 of 3 (1.5 s)']);
});

test('the check gets the context it is run with', async () => {
  const ctx = { api: 'https://127.0.0.1:1' };
  const row = await runCheck(
    check(async (given) => ({ pass: given === ctx, result: '' })),
    ctx,
    quiet,
  );
  assert.equal(row.pass, 'PASS');
});

test('a check that throws is a FAIL row with the error’s first lines, and the run goes on', async () => {
  const row = await runCheck(
    check(async () => {
      throw new Error('first\nsecond');
    }),
    {},
    quiet,
  );
  assert.equal(row.pass, 'FAIL');
  assert.equal(row.result, 'error: first | second');
});

test('only pass: true passes: a truthy value that is not true is a FAIL', async () => {
  for (const pass of [1, 'yes', undefined]) {
    assert.equal(
      (
        await runCheck(
          check(async () => ({ pass, result: '' })),
          {},
          quiet,
        )
      ).pass,
      'FAIL',
    );
  }
});

test('the exit code is 0 only when a check ran, none failed and the run was not aborted', () => {
  const row = (pass) => ({ pass });
  assert.deepEqual(summary([row('PASS'), row('PASS')]), { passed: 2, failed: 0, exitCode: 0 });
  assert.equal(summary([row('PASS'), row('FAIL')]).exitCode, 1);
  assert.equal(summary([]).exitCode, 1);
  assert.equal(summary([row('PASS')], { aborted: true }).exitCode, 1);
});
