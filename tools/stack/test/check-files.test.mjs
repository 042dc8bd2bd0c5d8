import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkFiles, loadChecks, selectChecks, shapeProblems } from '../runbook/check-files.mjs';

const RUNBOOK_ORDER = [
  'start-up',
  'proxy',
  'registry',
  'tls',
  'throughput',
  'journeys',
  'api',
  'race',
  'scale',
  'kill-api',
  'kill-web',
  'db-restart',
  'drain',
  'rolling-update',
  'rollback',
  'jwt-rotation',
  'admin-password',
  'db-password',
  'redeploy',
  'backup',
];

const scratch = mkdtempSync(join(tmpdir(), 'musicapp-checks-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder of check files, each `<name>: <body of run>`. */
function checksFolder(name, files) {
  const dir = join(scratch, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}
const checkModule = (name) =>
  `export const check = { name: '${name}', target: 'passes', run: async () => ({ pass: true, result: 'ok' }) };\n`;

test('check files run in the order of their numbers, as numbers (9 before 10), each with the id its name gives', () => {
  const files = checkFiles(['100-kill-api.mjs', '9-tls.mjs', '10-drop.mjs', 'README.md', '910-backup.mjs']);
  assert.deepEqual(
    files.map((f) => [f.order, f.id]),
    [
      [9, 'tls'],
      [10, 'drop'],
      [100, 'kill-api'],
      [910, 'backup'],
    ],
  );
});

test('a module in the checks folder not named <number>-<id>.mjs is an error, not a check silently skipped', () => {
  assert.throws(() => checkFiles(['010-start-up.mjs', 'drop.mjs']), /drop\.mjs: a check file is named/);
  assert.throws(() => checkFiles(['21_drop.mjs']), /21_drop\.mjs/);
  assert.throws(() => checkFiles(['21-Drop.mjs']), /21-Drop\.mjs/);
});

test('two check files with one number, or with one id, are an error: the order and --checks must be unambiguous', () => {
  assert.throws(
    () => checkFiles(['190-drop.mjs', '190-waitlist.mjs']),
    /190-drop\.mjs and 190-waitlist\.mjs/,
  );
  assert.throws(() => checkFiles(['190-drop.mjs', '195-drop.mjs']), /190-drop\.mjs and 195-drop\.mjs/);
});

test("a check module's export is checked for its shape", () => {
  assert.deepEqual(shapeProblems({ name: 'n', target: 't', run() {} }), []);
  assert.deepEqual(shapeProblems(undefined), ['no `export const check = { name, target, run }`']);
  assert.deepEqual(shapeProblems({ name: '', target: 't', run: 'no' }), [
    'name is not a text',
    'run is not a function',
  ]);
});

test("the runbook's checks are today's twenty, in their order, each with a name, a target and run()", async () => {
  const checks = await loadChecks();
  assert.deepEqual(
    checks.map((c) => c.id),
    RUNBOOK_ORDER,
  );
  for (const check of checks) assert.deepEqual(shapeProblems(check), [], check.file);
});

test('adding a check is adding a file: a new file of the folder is found and run in its place', async () => {
  const dir = checksFolder('added', {
    '010-start-up.mjs': checkModule('start-up'),
    '900-redeploy.mjs': checkModule('redeploy'),
    '190-drop.mjs': checkModule('drop queue'),
  });
  mkdirSync(join(dir, 'in-container')); // folders are the checks' own files, not checks
  const checks = await loadChecks(dir);
  assert.deepEqual(
    checks.map((c) => [c.id, c.name]),
    [
      ['start-up', 'start-up'],
      ['drop', 'drop queue'],
      ['redeploy', 'redeploy'],
    ],
  );
});

test('a check file without the check export fails the loading, naming the file', async () => {
  const dir = checksFolder('broken', { '190-drop.mjs': 'export const drop = {};\n' });
  await assert.rejects(loadChecks(dir), /190-drop\.mjs: no `export const check/);
});

test('--checks picks checks by id and keeps the run order, whatever order it names them in', () => {
  const checks = RUNBOOK_ORDER.map((id, i) => ({ id, order: i }));
  assert.deepEqual(
    selectChecks(checks, ['race', 'proxy']).map((c) => c.id),
    ['proxy', 'race'],
  );
  assert.equal(selectChecks(checks, undefined), checks);
});

test('--checks with an id that names no check, or none at all, is an error listing the ids', () => {
  const checks = RUNBOOK_ORDER.map((id, i) => ({ id, order: i }));
  assert.throws(
    () => selectChecks(checks, ['proxy', 'proxi']),
    /no check proxi; the checks are start-up, proxy,/,
  );
  assert.throws(() => selectChecks(checks, ['']), /no id given/);
});
