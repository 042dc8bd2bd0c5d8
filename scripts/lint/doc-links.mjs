#!/usr/bin/env node
// Fails on a broken link in the README or docs/*.md: a relative link to a file that is not in the
// repository, or an #anchor that no heading of its target makes (GitHub's heading ids).
//   node scripts/lint/doc-links.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const documents = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's id for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

/** The text outside fenced code blocks, where links and headings live. */
const prose = (text) => text.replace(/^```[\s\S]*?^```/gm, '');

const anchorsOf = (file) =>
  new Set([...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map(([, h]) => slug(h)));

const broken = [];
let links = 0;
for (const document of documents) {
  const text = prose(readFileSync(document, 'utf8'));
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto:: not checked offline
    links += 1;
    const [path, anchor] = target.split('#');
    const file = path ? normalize(join(dirname(document), decodeURIComponent(path))) : document;
    if (!existsSync(file)) broken.push(`${document}: ${target} (no such file)`);
    else if (anchor && file.endsWith('.md') && !anchorsOf(file).has(anchor))
      broken.push(`${document}: ${target} (no heading #${anchor} in ${file})`);
  }
}
if (broken.length) {
  console.error(`${broken.length} broken link(s):\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
console.log(`${documents.length} documents, ${links} relative links, none broken`);
