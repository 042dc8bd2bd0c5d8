#!/usr/bin/env node
// Fails when a tracked source or configuration file grows past 400 lines (architecture: "one thing
// per file where things grow"). Tests, generated files and prose are exempt; so is a file whose first
// lines say why it must be longer, with `size-limit: <lines> because <reason>`.
//   node scripts/lint/file-sizes.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 400;
const SOURCE = /\.(ts|tsx|mjs|js|cjs|sh|css|ya?ml|conf|template|json)$|(^|\/)(Dockerfile|run)$/;
const EXEMPT = [
  /(^|\/)test\//, // tests
  /\.test\.[cm]?[jt]sx?$/,
  /\.e2e\.ts$/,
  /(^|\/)e2e\//,
  /(^|\/)package-lock\.json$/, // generated
  /^reservasi\.sql$/,
];

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((file) => SOURCE.test(file) && !EXEMPT.some((pattern) => pattern.test(file)));
const over = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const allowed = Number(/size-limit: (\d+) because \S/.exec(text.slice(0, 2000))?.[1] ?? LIMIT);
  if (lines > allowed) over.push(`${file}: ${lines} lines (limit ${allowed})`);
}
if (over.length) {
  console.error(
    `${over.length} file(s) over the size limit: split by role, or say why in the first lines ` +
      `("size-limit: <lines> because <reason>"):\n  ${over.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`${files.length} source files, none over ${LIMIT} lines`);
