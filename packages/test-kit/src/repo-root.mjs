import { fileURLToPath } from 'node:url';

/** The monorepo's root directory, with a trailing slash (this file is packages/test-kit/src/repo-root.mjs). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
