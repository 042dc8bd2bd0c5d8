// Node programs the checks run inside the stack's containers: real files of checks/in-container/ (seen
// by the linter like any other module), sent over stdin, so the images need no copy of them.
import { readFileSync } from 'node:fs';
import { inContainer } from '../swarm-stack.mjs';

const SCRIPTS = new URL('../checks/in-container/', import.meta.url);

/**
 * Runs checks/in-container/<name>.mjs with the container's node and `env` set there (its parameters,
 * and settings such as NODE_TLS_REJECT_UNAUTHORIZED); resolves with what it printed.
 */
export function nodeScript(task, name, env = {}) {
  const input = readFileSync(new URL(`${name}.mjs`, SCRIPTS), 'utf8');
  return inContainer(task, 'node --input-type=module -', { input, env });
}
