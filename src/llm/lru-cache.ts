export type LruCacheOptions = {
  /** Most entries kept; past it the least recently used goes. */
  maxEntries: number;
  /** How long an entry stays good after it was stored. */
  ttlMs: number;
  now?: () => number;
};

type Entry<V> = { value: V; expiresAt: number };

/** A bounded least-recently-used map whose entries also expire `ttlMs` after they were stored. */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;

  constructor(private readonly options: LruCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The value stored under `key`, unless it is missing or expired; a hit becomes the most recent. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      return undefined;
    }
    this.entries.set(key, entry); // Map keeps insertion order: re-inserting marks it most recent
    return entry.value;
  }

  /** Stores `value`, evicting the least recently used entries past `maxEntries`. */
  set(key: string, value: V): void {
    if (this.options.maxEntries <= 0) {
      return;
    }
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Entries held, expired ones not yet dropped included. */
  get size(): number {
    return this.entries.size;
  }

  /** The keys held, least recently used first. */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}
