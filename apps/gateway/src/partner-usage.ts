import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger, Principal } from "@lamplight/platform";

/** What a partner request came to: answered, answered with errors, or refused by the rate limit. */
export type UsageOutcome = "ok" | "error" | "rateLimited";

/** One key's requests for one operation in one hour (UTC), as access's recordApiKeyUsage takes them. */
export interface UsageCount {
  keyId: string;
  /** The start of the hour, ISO 8601: an hour lies within one day of the province (UTC+8). */
  hour: string;
  /** The operation's name; null for a request refused before its document was read. */
  operation: string | null;
  requests: number;
  errors: number;
  rateLimited: number;
}

/** The most counts one call to access carries (access refuses more). */
export const USAGE_BATCH = 500;
/** How often counts are flushed to access by default: a lost flush loses at most this much. */
export const DEFAULT_USAGE_FLUSH_MS = 60_000;
/** Counts kept at most while access cannot be reached; past it, new buckets are not counted. */
const MAX_PENDING = 100_000;
const HOUR_MS = 3_600_000;

/**
 * Partner keys' requests, counted in memory per key, operation and hour, and added to access's
 * daily rows every `flushMs` and when the gateway stops. Each replica flushes its own counts and
 * access adds them up, so replicas need no shared store. A flush that fails keeps its counts for the
 * next one; a gateway that dies loses what it had not flushed: at most one interval.
 */
export class PartnerUsage {
  #pending = new Map<string, UsageCount>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #dropped = 0;

  constructor(
    private readonly send: (counts: UsageCount[]) => Promise<void>,
    private readonly logger: Logger,
    private readonly flushMs = DEFAULT_USAGE_FLUSH_MS,
  ) {}

  /** Counts buckets being kept (for tests and metrics). */
  get pendingSize(): number {
    return this.#pending.size;
  }

  record(keyId: string, operation: string | null, outcome: UsageOutcome, at = Date.now()): void {
    const hour = new Date(Math.floor(at / HOUR_MS) * HOUR_MS).toISOString();
    const bucket = JSON.stringify([keyId, hour, operation]);
    let count = this.#pending.get(bucket);
    if (!count) {
      if (this.#pending.size >= MAX_PENDING) {
        this.#dropped += 1;
        return;
      }
      count = { keyId, hour, operation, requests: 0, errors: 0, rateLimited: 0 };
      this.#pending.set(bucket, count);
    }
    count.requests += 1;
    if (outcome === "error") count.errors += 1;
    if (outcome === "rateLimited") count.rateLimited += 1;
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.flush(), this.flushMs);
    this.#timer.unref();
  }

  /** Flushes now and stops the timer: the gateway's last counts reach access before it exits. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }

  /** Sends what was counted, in batches of USAGE_BATCH; one flush at a time. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#flushPending());
    return this.#flushing;
  }

  async #flushPending(): Promise<void> {
    if (this.#pending.size === 0) return;
    const counts = [...this.#pending.values()];
    this.#pending = new Map();
    for (let start = 0; start < counts.length; start += USAGE_BATCH) {
      const batch = counts.slice(start, start + USAGE_BATCH);
      try {
        await this.send(batch);
      } catch (error) {
        // Kept for the next flush, merged with what is counted meanwhile.
        for (const count of counts.slice(start)) this.#keep(count);
        this.logger.warn(
          { err: error, counts: counts.length - start },
          "partner usage not flushed; kept for the next flush",
        );
        return;
      }
    }
    if (this.#dropped > 0) {
      this.logger.warn(
        { dropped: this.#dropped },
        "partner requests not counted while access was unreachable",
      );
      this.#dropped = 0;
    }
  }

  #keep(count: UsageCount): void {
    const bucket = JSON.stringify([count.keyId, count.hour, count.operation]);
    const kept = this.#pending.get(bucket);
    if (!kept) {
      this.#pending.set(bucket, count);
      return;
    }
    kept.requests += count.requests;
    kept.errors += count.errors;
    kept.rateLimited += count.rateLimited;
  }
}

/** Counts every partner request that ran (or was refused as it was read): ok, or with errors. */
export function partnerUsagePlugin<Context extends { principal: Principal }>(
  usage: PartnerUsage,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const { principal } = contextValue;
          if (principal.kind !== "partner" || !principal.subject) return;
          const failed =
            response.body.kind === "single" && (response.body.singleResult.errors?.length ?? 0) > 0;
          usage.record(
            principal.subject,
            operationName ?? request.operationName ?? null,
            failed ? "error" : "ok",
          );
        },
      };
    },
  };
}
