/**
 * A bounded cache whose entries each expire on their own. Past its size, it forgets the entry
 * used least recently, one at a time: a flood of new keys pushes out the coldest entries, never
 * the whole cache (which would send every partner's next request to the access subgraph at once).
 */
export class LruCache<V> {
  /** In order of use, least recent first (a Map keeps insertion order). */
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(readonly maxEntries = 10_000) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= now) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number, now = Date.now()): void {
    if (ttlMs <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: now + ttlMs });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
