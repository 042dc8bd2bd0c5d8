#!/usr/bin/env node
// Web benchmark: the built web app (the standalone server the image runs) server-rendering pages with live api data, on one api
// process and a fresh MariaDB database; plus the first-load JavaScript of each page, gzipped.
//
//   npm run build && npm run bench:web            (MariaDB at 127.0.0.1:3306, user root)
//
// Loopback only, bounded in time; the processes and the musicapp_bench_<random> database are removed.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createDb } from '@musicapp/api/db/create-db';
import { rebuildSongSearchIndex } from '@musicapp/api/modules/songs/songs.repository';
import { freePort, repoRoot, startProcess, waitUntilAnswering } from '@musicapp/test-kit';
import autocannon from 'autocannon';
import { startBenchApi } from './api-process.mjs';
import { atEnd, benchDatabase, connectTo, MYSQL, runBench } from './bench-run.mjs';
import { benchSongTitle } from './catalogue.mjs';
import { reportProfile } from './cpu-profile.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    profile: { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);

/** The web image's /app: the standalone server with the static files and entry point beside it (see its Dockerfile). */
function prepareWebApp() {
  const app = join(repoRoot, 'apps/web/.next/standalone');
  if (!existsSync(join(app, 'apps/web/server.js'))) {
    throw new Error('no standalone web build: run `npm run build` first');
  }
  cpSync(join(repoRoot, 'apps/web/.next/static'), join(app, 'apps/web/.next/static'), { recursive: true });
  cpSync(join(repoRoot, 'apps/web/standalone-entry.mjs'), join(app, 'apps/web/standalone-entry.mjs'));
  return app;
}

/** The web image's command (`node apps/web/standalone-entry.mjs` in the standalone output), on a loopback port. */
async function startWeb(apiUrl, profileDir) {
  const port = await freePort();
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const web = startProcess(process.execPath, [...flags, 'apps/web/standalone-entry.mjs'], {
    cwd: prepareWebApp(),
    env: { NODE_ENV: 'production', API_URL: apiUrl, PORT: String(port), HOSTNAME: '127.0.0.1' },
    logs: 'quiet',
  });
  atEnd(() => web.kill());
  const base = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(web, `${base}/api/health`, { what: 'the web server' });
  return { ...web, base };
}

/** 30 upcoming shows and 1,000 songs, loaded directly; the songs' search index is then rebuilt. */
async function seed(db, database) {
  const now = Date.now();
  const shows = Array.from({ length: 30 }, (_, i) => [
    `show-bench${randomBytes(6).toString('hex')}`,
    `Bench Show ${i + 1}`,
    'The Loopbacks',
    'Localhost Hall',
    now + (i + 1) * 86_400_000,
    500,
    i * 10,
    now,
  ]);
  await db.query(
    'insert into shows (id, title, performer, venue, starts_at, capacity, reserved, created_at) values ?',
    [shows],
  );
  const songs = Array.from({ length: 1000 }, (_, i) => [
    `song-bench${randomBytes(8).toString('hex')}`,
    benchSongTitle(i),
    2000,
    'Pop',
    `Band ${i % 97}`,
    now,
  ]);
  await db.query('insert into songs (id, title, year, genre, performer, created_at) values ?', [songs]);
  const knex = createDb({ client: 'mysql', ...MYSQL, database, poolMax: 2 });
  await rebuildSongSearchIndex(knex);
  await knex.destroy();
}

/**
 * The JavaScript a first visit downloads: every <script src> of the page, gzipped. `noModule` scripts
 * (polyfills for old browsers) are skipped: a modern browser never downloads them.
 */
async function firstLoadJs(base, path) {
  const html = await (await fetch(`${base}${path}`)).text();
  const sources = [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => ({ tag, src: /\ssrc="([^"]+)"/.exec(tag)?.[1] }))
    .filter(({ tag, src }) => src && !/\snomodule/i.test(tag))
    .map(({ src }) => src);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return {
    page: path,
    scripts: sources.length,
    'raw kB': Math.round(raw / 1024),
    'gzip kB': Math.round(gzip / 1024),
  };
}

async function load(name, url) {
  await autocannon({ url, connections: CONNECTIONS, duration: 5 }); // warm-up: JIT and connection pools
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return {
    page: name,
    connections: CONNECTIONS,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function main() {
  const database = await benchDatabase();
  const api = await startBenchApi({ database, env: { LOG_LEVEL: 'warn' } });
  atEnd(() => api.kill());
  const db = await connectTo(database);
  await seed(db, database);
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), 'musicapp-web-profile-')) : null;
  const web = await startWeb(api.base, profileDir);

  const rows = [];
  for (const [name, path] of [
    ['GET /shows (30 upcoming shows)', '/shows'],
    ['GET /songs?title=love (1,000 songs)', '/songs?title=love'],
    ['GET /login (layout only, no api call: the floor)', '/login'],
  ]) {
    rows.push(await load(name, `${web.base}${path}`));
    console.log(JSON.stringify(rows.at(-1)));
  }
  const sizes = [];
  for (const path of ['/', '/shows', '/songs?title=love', '/albums', '/login', '/register'])
    sizes.push(await firstLoadJs(web.base, path));

  console.log('\n== Server-rendered pages, standalone web server (live api data) ==');
  console.table(rows);
  console.log('== First-load JavaScript per page ==');
  console.table(sizes);
  if (profileDir) {
    await web.stop(); // --cpu-prof writes the profile on a clean exit
    reportProfile('the web server rendering both pages', profileDir);
  }
}

await runBench(main);
