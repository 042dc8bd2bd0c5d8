// The runbook's checks are the files `<number>-<id>.mjs` of tools/stack/checks/, run in the order of
// their numbers: adding a check is adding a file there. Each exports
//   export const check = { name, target, run(ctx) }   // run resolves { pass, result }
// and `--checks=<id>,…` picks some by the id in their file names. The numbers go in tens, so a check
// fits in anywhere; the 900s (redeploy, backup: they remove the stack and deploy it again) stay last.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHECKS_DIR = new URL('../checks/', import.meta.url);
const CHECK_FILE = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.mjs$/;

/**
 * The check files among a folder's file names, in run order: [{ order, id, file }]. Numbers order
 * them as numbers (9 before 10); a module file that is not named like a check, or two files with the
 * same number or the same id, is an error rather than a check silently skipped or run in a random order.
 */
export function checkFiles(names) {
  const files = [];
  for (const file of names.filter((name) => /\.[cm]?js$/.test(name))) {
    const match = CHECK_FILE.exec(file);
    if (!match) throw new Error(`${file}: a check file is named <number>-<id>.mjs, e.g. 190-drop.mjs`);
    files.push({ order: Number(match[1]), id: match[2], file });
  }
  files.sort((a, b) => a.order - b.order);
  for (const [i, { order, id, file }] of files.entries()) {
    const twin = files.slice(0, i).find((other) => other.order === order || other.id === id);
    if (twin) throw new Error(`${twin.file} and ${file}: every check needs a number and an id of its own`);
  }
  return files;
}

/** What is wrong with a check module's export (an empty list when it is a check). */
export function shapeProblems(check) {
  if (!check || typeof check !== 'object') return ['no `export const check = { name, target, run }`'];
  const problems = [];
  for (const key of ['name', 'target']) {
    if (typeof check[key] !== 'string' || !check[key]) problems.push(`${key} is not a text`);
  }
  if (typeof check.run !== 'function') problems.push('run is not a function');
  return problems;
}

/**
 * Every check of `dir` (a folder URL or path), imported, in run order:
 * [{ order, id, file, name, target, run }].
 */
export async function loadChecks(dir = CHECKS_DIR) {
  const path = dir instanceof URL ? dir.pathname : dir;
  const names = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const checks = [];
  for (const entry of checkFiles(names)) {
    const { check } = await import(pathToFileURL(join(path, entry.file)).href);
    const problems = shapeProblems(check);
    if (problems.length) throw new Error(`${entry.file}: ${problems.join('; ')}`);
    checks.push({ ...entry, ...check });
  }
  return checks;
}

/**
 * The checks `--checks=` names (all of them without it), still in run order: the order is part of what
 * the checks mean (the proxy check spends the login burst that the later ones need refilled). An id
 * that names no check is an error, not a run of nothing.
 */
export function selectChecks(checks, ids) {
  if (!ids) return checks;
  const wanted = ids.map((id) => id.trim()).filter(Boolean);
  const unknown = wanted.filter((id) => !checks.some((check) => check.id === id));
  if (unknown.length || !wanted.length) {
    throw new Error(
      `--checks: ${unknown.length ? `no check ${unknown.join(', ')}` : 'no id given'}; the checks are ${checks.map((c) => c.id).join(', ')}`,
    );
  }
  return checks.filter((check) => wanted.includes(check.id));
}
