#!/usr/bin/env node
// Runs a command against a throw-away MySQL server started from the stack's own db image and flags
// (stack-db.mjs), with TEST_MYSQL_HOST/PORT/USER/PASSWORD pointing at it; removes the server after.
//   npm run test:mysql      (node tools/stack/test-db/with-stack-db.mjs -- turbo run test --filter=@musicapp/api)
// Needs a Docker engine and the db image (`npm run ci-images`: tools/ci-images/).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { repoRoot } from '@musicapp/test-kit';
import { startStackDb } from './stack-db.mjs';

const separator = process.argv.indexOf('--');
const [command, ...args] = separator === -1 ? process.argv.slice(2) : process.argv.slice(separator + 1);
if (!command) {
  console.error('usage: with-stack-db.mjs -- <command> [args…]');
  process.exit(2);
}

process.chdir(repoRoot);
const db = await startStackDb({ purpose: 'test-db', tmpfs: true, log: console.log });
let exitCode = 1;
try {
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      TEST_DB: 'mysql',
      TEST_MYSQL_HOST: db.host,
      TEST_MYSQL_PORT: String(db.port),
      TEST_MYSQL_USER: 'root',
      TEST_MYSQL_PASSWORD: db.rootPassword,
    },
  });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const [code, signal] = await once(child, 'exit');
  exitCode = code ?? (signal ? 1 : 0);
} finally {
  await db.remove();
}
process.exit(exitCode);
