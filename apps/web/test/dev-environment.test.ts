import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { repoRoot, variablesReachingDev } from '@musicapp/test-kit';

const WEB = fileURLToPath(new URL('../', import.meta.url));

/**
 * What `next dev` runs: the routes, actions, server code, components and configs. Not the production
 * image's entry (standalone-entry.mjs), its build step (scripts/), nor the tests.
 */
const DEV_SOURCES = ['app', 'actions', 'lib', 'ui', 'proxy.ts', 'instrumentation.ts', 'next.config.ts'];

function* sourceFiles(path: string): Generator<string> {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    for (const entry of readdirSync(path)) yield* sourceFiles(join(path, entry));
  } else if (/\.(ts|tsx|mjs|js)$/.test(path)) yield path;
}

/** The variables the web reads in development: `process.env.X` in its code, `${X}` in its dev script. */
function variablesReadInDev(): string[] {
  const names = new Set<string>();
  for (const file of DEV_SOURCES.flatMap((source) => [...sourceFiles(join(WEB, source))])) {
    const code = readFileSync(file, 'utf8');
    // A read, not an assignment (`process.env.X = …`).
    for (const match of code.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)(?!\s*=[^=])/g))
      names.add(match[1] ?? '');
  }
  const { scripts } = JSON.parse(readFileSync(join(WEB, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  for (const match of (scripts.dev ?? '').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)) names.add(match[1] ?? '');
  return [...names].sort();
}

describe('npm run dev', () => {
  it('hands the web every variable it reads in development', () => {
    const read = variablesReadInDev();
    assert.ok(read.includes('API_URL') && read.includes('PORT'), read.join(', '));
    const reaching = variablesReachingDev('@musicapp/web', read);
    const dropped = read.filter((name) => !reaching.has(name));
    assert.deepEqual(dropped, [], `add to turbo.json's dev passThroughEnv: ${dropped.join(', ')}`);
  });

  it('has each of them described in .env.example', () => {
    const described = new Set(
      [...readFileSync(join(repoRoot, '.env.example'), 'utf8').matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map(
        (m) => m[1],
      ),
    );
    const missing = variablesReadInDev().filter((name) => !described.has(name));
    assert.deepEqual(missing, [], `describe in .env.example: ${missing.join(', ')}`);
  });
});
