#!/usr/bin/env node
// Load benchmark of the API on MariaDB, next to a bare node:http server measured in the same run.
//
//   npm run build && npm run bench:api            (MariaDB at 127.0.0.1:3306, user root)
//   npm run bench:api -- --duration 10 --profile    (also prints the CPU profile of GET /albums/:id)
//
// Everything runs on loopback and stops by itself: each load phase is bounded in time, the api process
// and the bench database (musicapp_bench_<random>) are removed at the end. Client and servers share the
// same cores, so absolute figures move with the machine; the ratio to the bare server is the stable one.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb } from '@musicapp/api/db/create-db';
import { rebuildSongSearchIndex } from '@musicapp/api/modules/songs/songs.repository';
import { freePort } from '@musicapp/test-kit';
import autocannon from 'autocannon';
import { startBenchApi } from './api-process.mjs';
import { atEnd, benchDatabase, connectTo, MYSQL, runBench } from './bench-run.mjs';
import { benchSongTitle } from './catalogue.mjs';
import { printProfile, topOfProfile } from './cpu-profile.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'info' },
    quick: { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const RARE = 'xylophonique';

const results = [];

async function load(name, url, { connections, method = 'GET', body, headers, pid }) {
  let rssMax = 0;
  const sampler = pid
    ? setInterval(() => {
        const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (match) rssMax = Math.max(rssMax, Number(match[1]) / 1024);
      }, 250)
    : null;
  // A short warm-up so JIT and pools are hot, then the measured run.
  await autocannon({ url, connections, duration: 2, method, body, headers });
  const result = await autocannon({ url, connections, duration: DURATION, method, body, headers });
  if (sampler) clearInterval(sampler);
  const row = {
    name,
    connections,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    'rss MB': rssMax ? Math.round(rssMax) : '',
  };
  results.push(row);
  console.log(JSON.stringify(row));
  return row;
}

async function insertSongs(db, count, albumId = null) {
  const batch = 2000;
  for (let done = 0; done < count; done += batch) {
    const rows = [];
    for (let i = done; i < Math.min(count, done + batch); i++) {
      const title = benchSongTitle(i);
      rows.push([
        `song-b${randomBytes(9).toString('base64url')}`,
        title,
        2000,
        'Pop',
        `Band ${i % 997}`,
        200,
        albumId,
        Date.now(),
      ]);
    }
    await db.query(
      'insert into songs (id, title, year, genre, performer, duration, album_id, created_at) values ?',
      [rows],
    );
  }
}

/** A reference server of reference/, in its own process like the api, killed at the end. */
async function startReference(file, port, env = {}) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL(`./reference/${file}`, import.meta.url)), port],
    {
      stdio: 'ignore',
      env: { ...process.env, ...env },
    },
  );
  atEnd(() => child.kill('SIGKILL'));
  await sleep(1000);
  return child;
}

/** A fresh catalogue of 1,000 songs, one album of 10 among them, indexed for search: the album's id. */
async function seedCatalogue(db, knex) {
  const albumId = `album-bench${randomBytes(6).toString('hex')}`;
  await db.query('insert into albums (id, name, year, created_at) values (?, ?, ?, ?)', [
    albumId,
    'Bench Album',
    2020,
    Date.now(),
  ]);
  await insertSongs(db, 10, albumId);
  await insertSongs(db, 990);
  await db.query(
    `update songs set title = concat(title, ' ${RARE}') where id in (select id from (select id from songs order by id limit 3) s)`,
  );
  await rebuildSongSearchIndex(knex); // the songs were loaded behind the API's back
  return albumId;
}

/** The peer and the load-everything reference (reference/express-peer.mjs) on the same database. */
async function measurePeer(database, albumId) {
  const port = await freePort();
  const peer = await startReference('express-peer.mjs', port, {
    BENCH_PEER_MYSQL: JSON.stringify({ ...MYSQL, database }),
  });
  const peerRow = await load(
    'peer: plain Express 5 + mysql2, same album query',
    `http://127.0.0.1:${port}/albums/${albumId}`,
    { connections: 32, pid: peer.pid },
  );
  const loadEverythingRow = await load(
    'reference: GET /songs?title=love loading all 1k songs per request (the original approach)',
    `http://127.0.0.1:${port}/songs?title=love`,
    { connections: 32, pid: peer.pid },
  );
  peer.kill('SIGKILL');
  return { peerRow, loadEverythingRow };
}

/** Grows the catalogue to 100,000 songs, re-indexed and analysed. */
async function growCatalogue(db, knex) {
  const started = Date.now();
  await insertSongs(db, 99_000);
  await db.query(
    `update songs set title = concat(title, ' ${RARE}') where title like 'rain fire 1%' limit 4`,
  );
  await rebuildSongSearchIndex(knex);
  await db.query('analyze table songs, song_search_grams');
  const [[{ grams }]] = await db.query('select count(*) as grams from song_search_grams');
  console.log(
    `inserted and indexed 99,000 more songs (${grams} search grams in all) in ${Date.now() - started} ms`,
  );
}

/** MariaDB's plans for the search and album queries (GET /songs?title= reads the postings of the
 * term's rarest gram in list order: see songs.repository.ts). */
async function printPlans(db, albumId) {
  const postingsPlan = (gram) =>
    `explain select s.id, s.title, s.performer from song_search_grams g join songs s on s.id = g.song_id where g.field = 't' and g.gram = '${gram}' and g.title like ? escape '!' order by g.title, g.song_id limit 51`;
  const plans = {
    [`GET /songs?title=${RARE} (rare term, MariaDB)`]: await db.query(postingsPlan('xyl'), [`%${RARE}%`]),
    'GET /songs?title=love (common term, MariaDB)': await db.query(postingsPlan('lov'), ['%love%']),
    'GET /albums/:id (MariaDB)': await db.query(
      'explain select a.id, a.name, a.year, s.id, s.title, s.performer from albums a left join songs s on s.album_id = a.id where a.id = ? order by s.title, s.id',
      [albumId],
    ),
  };
  for (const [name, [rows]] of Object.entries(plans)) {
    console.log(`\n== EXPLAIN ${name} ==`);
    console.table(
      rows.map(({ table, type, key, ref, rows: n, Extra }) => ({ table, type, key, ref, rows: n, Extra })),
    );
  }
}

/** The figures as ratios to the references measured in the same run. */
function printRatios({ bareRow, peerRow, loadEverythingRow, albums1k, albums100k, search1k }) {
  console.log('\n== Results ==');
  console.table(results);
  const percentOf = (row, reference) => ((100 * row['req/s']) / reference['req/s']).toFixed(1);
  for (const kind of ['cached', 'uncached']) {
    console.log(
      `GET /albums/:id ${kind === 'cached' ? 'cached 1 s (the default)' : 'with no cache'}: ` +
        `${percentOf(albums1k[kind], bareRow)}% of bare node:http at 1k songs, ` +
        `${percentOf(albums100k[kind], bareRow)}% at 100k songs; ${percentOf(albums1k[kind], peerRow)}% of the peer`,
    );
  }
  console.log(`the plain Express 5 + mysql2 peer: ${percentOf(peerRow, bareRow)}% of bare node:http`);
  const times = (row) => (row['req/s'] / loadEverythingRow['req/s']).toFixed(1);
  console.log(
    `GET /songs?title=love at 1k songs: ${search1k.cached['req/s']} req/s cached (${times(search1k.cached)}× the ` +
      `load-everything reference), ${search1k.uncached['req/s']} req/s with no cache (${times(search1k.uncached)}×)`,
  );
}

async function main() {
  // 1. The bare node:http reference.
  const barePort = await freePort();
  await startReference('bare-http.mjs', barePort);
  const bareRow = await load('bare node:http (constant JSON)', `http://127.0.0.1:${barePort}/`, {
    connections: 32,
  });

  // 2. A fresh database, one api process on it (it migrates the database itself), the catalogue, the peer.
  const database = await benchDatabase();
  const db = await connectTo(database);
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), 'musicapp-profile-')) : null;
  const apiEnv = {
    LOG_LEVEL: args['log-level'],
    ADMIN_USERNAME: 'benchadmin',
    ADMIN_PASSWORD: 'bench-admin-password',
    LOGIN_RATE_LIMIT_PER_CLIENT: '1000000',
    LOGIN_RATE_LIMIT_PER_USERNAME: '1000000',
  };
  let api = await startBenchApi({ database, env: apiEnv, profileDir });
  atEnd(() => api.kill());
  const knex = createDb({ client: 'mysql', ...MYSQL, database, poolMax: 2 });
  atEnd(() => knex.destroy());
  const albumId = await seedCatalogue(db, knex);
  const { peerRow, loadEverythingRow } = await measurePeer(database, albumId);

  // 3. Two api processes on the same database, loaded one at a time: one with the default settings
  // (catalogue reads cached for CATALOG_CACHE_MS = 1 s, see apps/api/src/catalogue-cache.ts), one with
  // the cache off, so that every catalogue figure also shows what each request costs the database.
  // The cached process serves only GET /albums/:id first, so its CPU profile (--profile) is of that route.
  const uncached = await startBenchApi({ database, env: { ...apiEnv, CATALOG_CACHE_MS: '0' } });
  atEnd(() => uncached.kill());
  /** The same load on both processes, one after the other. */
  const onBoth = async (name, path, connections) => ({
    cached: await load(`${name}, cached 1 s`, `${api.base}${path}`, { connections, pid: api.child.pid }),
    uncached: await load(`${name}, no cache`, `${uncached.base}${path}`, {
      connections,
      pid: uncached.child.pid,
    }),
  });

  const albums1k = await onBoth('GET /albums/:id (10 songs), 1k songs', `/albums/${albumId}`, 32);
  let profile = {};
  if (profileDir) {
    await api.stop();
    profile = topOfProfile(profileDir);
    rmSync(profileDir, { recursive: true, force: true });
    api = await startBenchApi({ database, env: apiEnv });
    atEnd(() => api.kill());
  }
  await load('GET /health (no database: framework + middleware)', `${api.base}/health`, {
    connections: 32,
    pid: api.child.pid,
  });
  if (args.quick) return;
  const search1k = await onBoth('GET /songs?title=love, 1k songs', '/songs?title=love', 32);

  // 4. The same at 100,000 songs.
  await growCatalogue(db, knex);
  const albums100k = await onBoth('GET /albums/:id (10 songs), 100k songs', `/albums/${albumId}`, 32);
  await onBoth(`GET /songs?title=${RARE} (rare), 100k songs`, `/songs?title=${RARE}`, 8);
  await onBoth('GET /songs?title=love, 100k songs', '/songs?title=love', 32);

  // 5. Logins: bcrypt (cost 10) bound by design.
  await load('POST /authentications', `${api.base}/authentications`, {
    connections: 8,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'benchadmin', password: 'bench-admin-password' }),
    pid: api.child.pid,
  });
  await api.stop();
  await uncached.stop();

  printRatios({ bareRow, peerRow, loadEverythingRow, albums1k, albums100k, search1k });
  await printPlans(db, albumId);
  if (profile.functions) printProfile('the api under GET /albums/:id', profile);
}

await runBench(main);
