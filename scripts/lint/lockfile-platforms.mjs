#!/usr/bin/env node
// Fails when package-lock.json lacks a platform's optional binary that a locked package names (biome,
// turbo, next's swc, esbuild…): `npm ci` refuses such a lockfile on a machine of that platform. npm
// leaves those entries out when it rewrites a lockfile over an existing node_modules; the cure is a
// lockfile made from scratch: `rm -rf node_modules package-lock.json && npm install`.
//   node scripts/lint/lockfile-platforms.mjs [package-lock.json]
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'package-lock.json';
const { packages } = JSON.parse(readFileSync(file, 'utf8'));

/** Where npm would install `name` for the package at `path`: beside it, or up the tree. */
function resolves(path, name) {
  for (let dir = path; ; ) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at === -1 ? '' : dir.slice(0, at);
  }
}

const missing = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolves(path, name)) missing.push(`${name} (optional dependency of ${path || 'the root'})`);
  }
}
if (missing.length) {
  console.error(
    `${file} lacks ${missing.length} optional package(s), so npm ci fails on their platforms:\n  ` +
      `${missing.slice(0, 20).join('\n  ')}\n` +
      'Make the lockfile from scratch: rm -rf node_modules package-lock.json && npm install',
  );
  process.exit(1);
}
console.log(`${file}: every optional package of every platform is locked`);
