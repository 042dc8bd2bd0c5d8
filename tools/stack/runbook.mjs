#!/usr/bin/env node
// `npm run stack:test`: `npm run stack:up` (the stack deployed with the README's commands on a local
// 3-node swarm), then the operator's runbook on it under load, every step checked, a table printed, and
// `npm run stack:down` (kept with --keep). Traffic goes only to this machine's loopback and to the
// nodes this run made; every load stops by itself.
// The checks are the files of checks/, run in the order of their numbers (runbook/check-files.mjs):
// adding one is adding a file there. What they share is the context (runbook/context.mjs).
//   --checks=proxy,race   only these checks (by the id in their file names), still in their order
//   --keep                leave the stack running afterwards
//   --reuse               no stack:up: the checks run on the stack `npm run stack:up` left running,
//                         which stays up (a stack earlier runs changed: for iterating on a check)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NODES, publishedPort, removeAll } from './local-swarm.mjs';
import { loadChecks, selectChecks } from './runbook/check-files.mjs';
import { createContext } from './runbook/context.mjs';
import { runCheck, seconds, summary } from './runbook/results.mjs';
import { waitForStack, waitUntilServing } from './stack-health.mjs';
import { TEST_TLS_DIR, trustTestCertificate } from './test-certificate.mjs';

const { values: options } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    checks: { type: 'string' },
  },
});
const TIME_LIMIT_MS = 40 * 60_000;
const started = Date.now();

/** stack:up as a child process (its progress shown as it goes); the URLs it prints. */
async function stackUp() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./up.mjs', import.meta.url))], {
    env: { ...process.env, ADMIN_PASSWORD: randomBytes(12).toString('base64url') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error('stack:up failed');
  return { web: output.match(/^web: (\S+)$/m)[1], api: output.match(/^api: (\S+)$/m)[1] };
}

/** The stack stack:up left running, once it is whole and serving: its URLs. */
async function runningStack() {
  const [manager] = NODES;
  const web = `https://127.0.0.1:${await publishedPort(manager, 443)}`;
  const api = `https://127.0.0.1:${await publishedPort(manager, 8443)}`;
  console.log(`stack:test --reuse: ${await waitForStack(manager, 'musicapp', { timeoutMs: 120_000 })}`);
  await waitUntilServing({ web, api });
  return { web, api };
}

/** The checks to run; an unknown --checks id ends the run here, before anything is made. */
async function chosenChecks() {
  try {
    return selectChecks(await loadChecks(), options.checks?.split(','));
  } catch (error) {
    console.error(`stack:test: ${error.message}`);
    process.exit(1);
  }
}

/** The stack, then every check on it, each row into `rows`; false when the run broke off before. */
async function runAll(checks, rows) {
  try {
    const ctx = await createContext(options.reuse ? await runningStack() : await stackUp());
    for (const check of checks) rows.push(await runCheck(check, ctx));
    return true;
  } catch (error) {
    console.error(`stack:test failed: ${error.stack ?? error}`);
    return false;
  }
}

const checks = await chosenChecks();
// The stack's certificate is self-signed: trusted by this run and its children (this runs the script
// again, with it, unless it is already trusted).
trustTestCertificate({ existing: options.reuse });
const watchdog = setTimeout(() => {
  console.error(`stack:test: over ${TIME_LIMIT_MS / 60_000} minutes; stopping`);
  process.exit(1);
}, TIME_LIMIT_MS);
const rows = [];
const finished = await runAll(checks, rows);
clearTimeout(watchdog);
if (!options.keep && !options.reuse) {
  await removeAll();
  rmSync(TEST_TLS_DIR, { recursive: true, force: true });
}
console.log(
  `\n== Stack test (docker-compose.yaml on a 3-node swarm${options.reuse ? ', reused: not a fresh stack' : ''}) ==`,
);
console.table(rows);
const { passed, failed, exitCode } = summary(rows, { aborted: !finished });
console.log(`stack:test: ${passed} passed, ${failed} failed in ${seconds(Date.now() - started)}`);
process.exit(exitCode);
