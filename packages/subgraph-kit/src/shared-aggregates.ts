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
 * other replicas show within twice `ttlSeconds` (see `batch`). A computation still running when a
 * mutation ends cannot store its value afterwards.
 */
export class SharedAggregates {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  /** Bumped by clear(): a computation that started before it must not store its result after. */
  #generation = 0;

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
   *
   * A value past its time to live, but not past twice that, is still served while ONE background
   * computation refreshes it: a dashboard's slow figure (a year's gifts by month) is never waited
   * for again once it has been computed, only brought up to date.
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
    const stale: Key[] = [];
    for (const [index, key] of keys.entries()) {
      const entry = this.#entries.get(entryKey(name, key));
      if (entry && (entry.freshUntil > now || (entry.settled && entry.freshUntil + this.#ttlMs > now))) {
        values[index] = entry.value as Promise<Value>;
        if (entry.freshUntil <= now && !entry.refreshing) {
          entry.refreshing = true;
          stale.push(key);
        }
      } else {
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
    if (stale.length > 0) this.#refresh(name, stale, compute);
    return Promise.all(values);
  }

  /** One aggregate that has no key (a province-wide total). */
  async one<Value>(name: string, compute: () => Promise<Value>): Promise<Value> {
    const [value] = await this.batch(name, [""], async () => [await compute()]);
    return value as Value;
  }

  /** Forgets everything: this process has just written to its database. */
  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Recomputes stale keys in the background; the stale values stand until the new ones are in. */
  #refresh<Key extends string | number, Value>(
    name: string,
    keys: Key[],
    compute: (missing: Key[]) => Promise<readonly Value[]>,
  ): void {
    const generation = this.#generation;
    compute(keys).then(
      (values) => {
        if (generation !== this.#generation) return;
        const freshUntil = Date.now() + this.#ttlMs;
        for (const [position, key] of keys.entries()) {
          this.#remember(entryKey(name, key), Promise.resolve(values[position]), freshUntil);
        }
      },
      () => {
        // Keep serving the stale values until they run out; the next request past them retries.
        for (const key of keys) {
          const entry = this.#entries.get(entryKey(name, key));
          if (entry) entry.refreshing = false;
        }
      },
    );
  }

  #remember(key: string, value: Promise<unknown>, freshUntil: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    const entry: Entry = { value, freshUntil, settled: false, refreshing: false };
    this.#entries.set(key, entry);
    // A failed computation is not remembered: the next request tries again. (The requests that
    // shared it see the error through their own promise.)
    value.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
  }
}

interface Entry {
  value: Promise<unknown>;
  /** Served as it is until then; served while a refresh runs for as long again. */
  freshUntil: number;
  /** The computation has finished (a value still being computed is never "stale"). */
  settled: boolean;
  refreshing: boolean;
}

function entryKey(name: string, key: string | number): string {
  return `${name}\u0000${key}`;
}
