#!/usr/bin/env node
// `npm run stack:down`: removes the local swarm made by `npm run stack:up` — its nodes (and with them
// the stack, the registry and every image inside), their volumes and their network, and its test
// certificate.
import { rmSync } from 'node:fs';
import { removeAll } from './local-swarm.mjs';
import { TEST_TLS_DIR } from './test-certificate.mjs';

const started = Date.now();
const removed = await removeAll();
rmSync(TEST_TLS_DIR, { recursive: true, force: true });
console.log(
  `stack:down: removed ${removed.containers} nodes and ${removed.volumes} volumes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
