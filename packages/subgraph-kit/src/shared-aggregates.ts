/** How long a shared aggregate is served before it is computed again, unless a mutation clears it. */
export const DEFAULT_AGGREGATE_CACHE_SECONDS = 10;

/**
 * Aggregates (counts and sums over many rows) shared by every request of one subgraph process for a
 * few seconds. At province scale a count of a city's children reads a hundred thousand rows; a
 * dashboard asks for the same counts for every user who opens it. Only raw aggregates belong here:
 * values that do not depend on who asks (the resolvers apply suppression and access afterwards).
 *
 * Freshness: every mutation of this subgraph clears the cache when it has finished (see
 * subgraph-server), so a process never serves a count older than its own last write; writes by
 * other replicas show within `ttlSeconds`. A computation still running when a mutation ends is
 * dropped from the cache as well, so it cannot store a value from before the write.
 */
export class SharedAggregates {
  readonly #entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();
  readonly #ttlMs: number;

  constructor(
    ttlSeconds: number,
    private readonly maxEntries = 50_000,
  ) {
    this.#ttlMs = ttlSeconds * 1000;
  }

  /**
   * The aggregate `name` for every key: cached values as they are (also those still being
   * computed by another request), the rest from ONE call of `compute` with the missing keys, which
   * returns their values in the same order (a DataLoader batch function's contract).
   */
  async batch<Key extends string | number, Value>(
    name: string,
    keys: readonly Key[],
    compute: (missing: Key[]) => Promise<readonly Value[]>,
  ): Promise<Value[]> {
    if (this.#ttlMs <= 0) return [...(await compute([...keys]))];
    const now = Date.now();
    const values: Promise<Value>[] = [];
    const missing: Key[] = [];
    const missingAt: number[] = [];
    for (const [index, key] of keys.entries()) {
      const entry = this.#entries.get(entryKey(name, key));
      if (entry && entry.expiresAt > now) values[index] = entry.value as Promise<Value>;
      else {
        missing.push(key);
        missingAt.push(index);
      }
    }
    if (missing.length > 0) {
      const computed = compute(missing);
      for (const [position, key] of missing.entries()) {
        const value = computed.then((all) => all[position] as Value);
        values[missingAt[position]!] = value;
        this.#remember(entryKey(name, key), value, now + this.#ttlMs);
      }
    }
    return Promise.all(values);
  }

  /** One aggregate that has no key (a province-wide total). */
  async one<Value>(name: string, compute: () => Promise<Value>): Promise<Value> {
    const [value] = await this.batch(name, [""], async () => [await compute()]);
    return value as Value;
  }

  /** Forgets everything: this process has just written to its database. */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #remember(key: string, value: Promise<unknown>, expiresAt: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    const entry = { value, expiresAt };
    this.#entries.set(key, entry);
    // A failed computation is not remembered: the next request tries again. (The requests that
    // shared it see the error through their own promise.)
    value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
  }
}

function entryKey(name: string, key: string | number): string {
  return `${name}\u0000${key}`;
}
