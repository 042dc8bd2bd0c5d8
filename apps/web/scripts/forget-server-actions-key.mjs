// Runs in the web image's build, right after `next build`, with the Server Actions key in
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Next writes that key into its manifests, and so into the image.
// This removes every copy from what the image takes (the standalone server and the static files). The
// server then gets the key at run time, from the stack's secret (standalone-entry.mjs reads
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY_FILE), which Next prefers to a manifest's. Without the key (a plain
// `docker build`), Next made one for this build alone, and the image keeps it: nothing else can use it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const key = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
if (!key) {
  console.log('no Server Actions key given: the build keeps the one Next made for it');
  process.exit(0);
}
const needle = Buffer.from(key);
const roots = ['.next/standalone', '.next/static'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

let scrubbed = 0;
for (const root of roots) {
  for (const file of files(root)) {
    let content = readFileSync(file);
    if (content.indexOf(needle) === -1) continue;
    for (let at = content.indexOf(needle); at !== -1; at = content.indexOf(needle)) {
      content = Buffer.concat([content.subarray(0, at), content.subarray(at + needle.length)]);
    }
    writeFileSync(file, content);
    scrubbed += 1;
  }
}
console.log(`Server Actions key removed from ${scrubbed} file(s) of the build output`);
