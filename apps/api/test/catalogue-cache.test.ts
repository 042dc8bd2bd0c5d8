import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { catalogueCache } from '../src/catalogue-cache.js';

/** A loader that counts its calls and answers `value` (or fails) after `ms`. */
function loader<T>(value: T, { ms = 0, fail = false } = {}) {
  const calls = { count: 0 };
  const load = async () => {
    calls.count += 1;
    await sleep(ms);
    if (fail) throw new Error('database down');
    return value;
  };
  return { load, calls };
}

describe('catalogue cache', () => {
  test('an answer is kept for ttlMs, then read again', async () => {
    const cache = catalogueCache({ ttlMs: 80 });
    const { load, calls } = loader({ name: 'Blue' });
    assert.deepEqual(await cache.read('album:1', load), { name: 'Blue' });
    assert.deepEqual(await cache.read('album:1', load), { name: 'Blue' });
    assert.equal(calls.count, 1);
    await sleep(120);
    await cache.read('album:1', load);
    assert.equal(calls.count, 2);
  });

  test('keys are separate, and null (not found) is an answer like any other', async () => {
    const cache = catalogueCache({ ttlMs: 1000 });
    const missing = loader(null);
    assert.equal(await cache.read('album:gone', missing.load), null);
    assert.equal(await cache.read('album:gone', missing.load), null);
    assert.equal(missing.calls.count, 1);
    assert.equal(await cache.read('album:other', loader('other').load), 'other');
  });

  test('concurrent misses of one key share one read', async () => {
    const cache = catalogueCache({ ttlMs: 1000 });
    const { load, calls } = loader('songs', { ms: 30 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.read('songs:love', load)));
    assert.deepEqual(new Set(answers), new Set(['songs']));
    assert.equal(calls.count, 1);
  });

  test('a write forgets every answer, whether it succeeds or fails', async () => {
    const cache = catalogueCache({ ttlMs: 10_000 });
    const { load, calls } = loader('before');
    await cache.read('album:1', load);
    assert.equal(await cache.write(Promise.resolve(true)), true);
    await cache.read('album:1', load);
    assert.equal(calls.count, 2);
    await assert.rejects(cache.write(Promise.reject(new Error('constraint'))), /constraint/);
    await cache.read('album:1', load);
    assert.equal(calls.count, 3);
  });

  test('a read that started before a write does not keep what it read', async () => {
    const cache = catalogueCache({ ttlMs: 10_000 });
    const slow = loader('old name', { ms: 40 });
    const reading = cache.read('album:1', slow.load);
    await cache.write(Promise.resolve());
    assert.equal(await reading, 'old name'); // answered to its caller…
    const fresh = loader('new name');
    assert.equal(await cache.read('album:1', fresh.load), 'new name'); // …but not kept
    assert.equal(fresh.calls.count, 1);
  });

  test('a failed read is not kept: the next read tries again', async () => {
    const cache = catalogueCache({ ttlMs: 10_000 });
    await assert.rejects(cache.read('album:1', loader('x', { fail: true }).load), /database down/);
    assert.equal(await cache.read('album:1', loader('back').load), 'back');
  });

  test('a fresh read loads whatever is cached, and keeps what it loaded', async () => {
    const cache = catalogueCache({ ttlMs: 10_000 });
    await cache.read('album:1', loader('old').load);
    assert.equal(await cache.read('album:1', loader('new').load, { fresh: true }), 'new');
    assert.equal(await cache.read('album:1', loader('unused').load), 'new');
  });

  test('ttlMs 0 turns it off', async () => {
    const cache = catalogueCache({ ttlMs: 0 });
    const { load, calls } = loader('x');
    await cache.read('k', load);
    await cache.read('k', load);
    assert.equal(calls.count, 2);
  });

  test('at most `max` answers are kept', async () => {
    const cache = catalogueCache({ ttlMs: 10_000, max: 2 });
    const { load, calls } = loader('x');
    for (const key of ['a', 'b', 'c', 'a']) await cache.read(key, load);
    assert.equal(calls.count, 4); // 'a' was the least recently used when 'c' came
  });
});
