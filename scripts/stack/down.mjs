#!/usr/bin/env node
// `npm run stack:down`: removes the local swarm made by `npm run stack:up` — its nodes (and with them
// the stack, the registry and every image inside), their volumes and their network.
import { removeAll } from './local-swarm.mjs';

const started = Date.now();
const removed = await removeAll();
console.log(
  `stack:down: removed ${removed.containers} nodes and ${removed.volumes} volumes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
