import { LruCache, type LruCacheOptions } from './lru-cache.js';

/**
 * Answers to slow requests remembered by key (least recently used first out, expiring), with the requests in
 * flight shared: a caller asking what another is asking right now waits for that answer. An answer not worth
 * keeping (a failure) is never remembered, and a caller that met another's failure asks for itself.
 */
export class RememberedRequests<V> {
  private readonly cache: LruCache<V>;
  private readonly inFlight = new Map<string, Promise<V>>();

  constructor(
    options: LruCacheOptions,
    private readonly worthKeeping: (value: V) => boolean,
  ) {
    this.cache = new LruCache<V>(options);
  }

  /** The answer held for `key`, without asking. */
  held(key: string): V | undefined {
    return this.cache.get(key);
  }

  /** The answer for `key`: held, shared with a caller asking it now, or asked with `request` (`asked`). */
  async answer(key: string, request: () => Promise<V>): Promise<{ value: V; asked: boolean }> {
    const held = this.cache.get(key);
    if (held !== undefined) {
      return { value: held, asked: false };
    }
    const pending = this.inFlight.get(key);
    if (pending !== undefined) {
      const shared = await pending;
      if (this.worthKeeping(shared)) {
        return { value: shared, asked: false };
      }
    }
    const asking = request();
    this.inFlight.set(key, asking);
    try {
      const value = await asking;
      if (this.worthKeeping(value)) {
        this.cache.set(key, value);
      }
      return { value, asked: true };
    } finally {
      if (this.inFlight.get(key) === asking) {
        this.inFlight.delete(key);
      }
    }
  }

  get size(): number {
    return this.cache.size;
  }

  keys(): string[] {
    return this.cache.keys();
  }
}
