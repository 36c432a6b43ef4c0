import { type Logger, type Principal } from "@lamplight/platform";
import DataLoader from "dataloader";
import type { AuditTrail } from "./access/audit.js";
import type { SharedAggregates } from "./shared-aggregates.js";

/**
 * Per-request DataLoaders, created on first use. A loader lives exactly as long as its request,
 * so batching never leaks one request's data (or access) into another.
 */
export class Loaders {
  readonly #loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** The request's loader for `name`, created from `batch` the first time it is asked for. */
  get<Key, Value>(
    name: string,
    batch: DataLoader.BatchLoadFn<Key, Value>,
    options?: DataLoader.Options<Key, Value>,
  ): DataLoader<Key, Value> {
    let loader = this.#loaders.get(name) as DataLoader<Key, Value> | undefined;
    if (!loader) {
      loader = new DataLoader(batch, options);
      this.#loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** What every resolver of every subgraph receives. Services extend it with their repositories. */
export interface BaseContext {
  requestId: string;
  logger: Logger;
  loaders: Loaders;
  /** Counts and sums shared by every request of this process for a few seconds (not per caller). */
  aggregates: SharedAggregates;
  /** Who is asking, as the gateway signed it; the anonymous public when unsigned. */
  principal: Principal;
  /** Sensitive reads and mutations of this request, written to the audit log with the response. */
  audit: AuditTrail;
  /** Counts below this are hidden from roles that may not see individuals. */
  suppressBelow: number;
}

/**
 * The request's DataLoader for an aggregate that every request of the process shares for a few
 * seconds (SharedAggregates): `compute` runs only for the keys no request has computed lately, in
 * one batch. Only for values that do not depend on the caller; resolvers apply access afterwards.
 */
export function aggregateLoader<Key extends string | number, Value>(
  context: Pick<BaseContext, "loaders" | "aggregates">,
  name: string,
  compute: (keys: Key[]) => Promise<readonly Value[]>,
): DataLoader<Key, Value> {
  return context.loaders.get<Key, Value>(name, (keys) => context.aggregates.batch(name, keys, compute));
}

/** Orders batch results by the requested keys (DataLoader's contract); missing keys become null. */
export function byKeys<Key, Row>(
  keys: readonly Key[],
  rows: readonly Row[],
  keyOf: (row: Row) => Key,
): (Row | null)[] {
  const found = new Map<Key, Row>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((key) => found.get(key) ?? null);
}
