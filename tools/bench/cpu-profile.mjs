// Summarises a V8 .cpuprofile (node --cpu-prof) into the top self-time functions and packages, as shares
// of the time the process was busy: it also idles while other phases of a benchmark run, so shares of
// the whole recording would depend on what else the benchmark measured.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export function topOfProfile(dir) {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return {};
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const selfTime = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const sample of profile.samples) counts.set(sample, (counts.get(sample) ?? 0) + 1);
  let total = 0;
  let idle = 0;
  for (const [id, count] of counts) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)') {
      idle += count;
      continue;
    }
    const where = callFrame.url
      ? callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/apps\//, 'apps/')
      : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}${where ? `:${callFrame.lineNumber + 1}` : ''}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + count);
    total += count;
  }
  const byPackage = new Map();
  for (const [key, count] of selfTime) {
    const where = key.split(' ')[1] ?? '';
    const pkg = where.startsWith('apps/')
      ? 'musicapp'
      : where.includes('/')
        ? where.split('/')[0]
        : where.startsWith('node:')
          ? 'node core (js)'
          : key;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  const top = (map, n, label) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, count]) => ({ '% of busy': ((100 * count) / total).toFixed(1), [label]: name }));
  return {
    idlePercent: ((100 * idle) / (idle + total)).toFixed(0),
    functions: top(selfTime, 15, 'function'),
    packages: top(byPackage, 12, 'package or builtin'),
  };
}

export function printProfile(what, profile) {
  console.log(
    `== CPU profile of ${what}: top self time by function (idle ${profile.idlePercent}% of the recording) ==`,
  );
  console.table(profile.functions);
  console.log('== … and by package ==');
  console.table(profile.packages);
}

/** Prints the profile recorded in `dir`, then removes the recording. */
export function reportProfile(what, dir) {
  printProfile(what, topOfProfile(dir));
  rmSync(dir, { recursive: true, force: true });
}
