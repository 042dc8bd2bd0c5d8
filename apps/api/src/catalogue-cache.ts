import { LRUCache } from 'lru-cache';

/**
 * A short-lived cache of public catalogue reads (album pages, song searches) in this process.
 *
 * The catalogue is read far more often than it changes, and the same album or search is asked for by
 * many listeners at once. Each answer is kept for `ttlMs` (CATALOG_CACHE_MS, 1 s by default):
 * - a write through this process (album or song created, changed or deleted) clears it at once, so a
 *   replica always shows its own writes;
 * - another replica's write shows here within `ttlMs`, its only staleness;
 * - concurrent misses of one key share one database read, so an expiry under load is one query, not a
 *   burst of them;
 * - at most `max` answers are kept (least recently used go first), so memory stays bounded.
 *
 * `ttlMs: 0` turns it off: every read goes to the database.
 */
export interface CatalogueCache {
  /** The cached answer for `key`, or `load()`'s (then kept for `ttlMs`); `fresh` always loads. */
  read<T>(key: string, load: () => Promise<T>, options?: { fresh?: boolean }): Promise<T>;
  /** Awaits a catalogue write, then forgets every answer (whatever the write's outcome). */
  write<T>(write: Promise<T>): Promise<T>;
}

export function catalogueCache({ ttlMs, max = 2000 }: { ttlMs: number; max?: number }): CatalogueCache {
  if (ttlMs <= 0) return { read: (_key, load) => load(), write: (write) => write };
  const answers = new LRUCache<string, { value: unknown }>({ max, ttl: ttlMs });
  const loading = new Map<string, Promise<unknown>>();
  // Bumped by every write: a read that started before a write must not store what it read.
  let generation = 0;

  return {
    read<T>(key: string, load: () => Promise<T>, { fresh = false } = {}): Promise<T> {
      if (!fresh) {
        const hit = answers.get(key);
        if (hit) return Promise.resolve(hit.value as T);
        const pending = loading.get(key);
        if (pending) return pending as Promise<T>;
      }
      const startedIn = generation;
      // A failed read is never kept: the next read tries again.
      const read = load().then((value) => {
        if (startedIn === generation) answers.set(key, { value });
        return value;
      });
      loading.set(key, read);
      const forget = () => {
        if (loading.get(key) === read) loading.delete(key);
      };
      read.then(forget, forget);
      return read;
    },

    async write<T>(write: Promise<T>): Promise<T> {
      try {
        return await write;
      } finally {
        // Forget every answer, and what the reads still under way will bring.
        generation += 1;
        answers.clear();
        loading.clear();
      }
    },
  };
}
