import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The monorepo's root directory, with a trailing slash: the nearest folder above this package whose
 * package.json declares the workspaces (so nothing here depends on where the test-kit sits).
 * @param {string} from
 * @returns {string}
 */
function workspaceRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir + sep;
    if (dirname(dir) === dir) throw new Error(`no package.json with workspaces above ${from}`);
  }
}

export const repoRoot = workspaceRoot(dirname(fileURLToPath(import.meta.url)));
