import { createHash } from "node:crypto";
import { HeaderMap } from "@apollo/server";
import { ErrorCode, type Principal } from "@lamplight/platform";
import { GraphQLError } from "graphql";
import { Redis } from "ioredis";

/** Requests allowed per window, by who is asking. */
export interface RateLimits {
  windowMs: number;
  anonymousPerWindow: number;
  userPerWindow: number;
  partnerPerWindow: number;
  /**
   * Failed authentications (a bad token, an unknown API key) allowed per window, counted by client
   * address and, for API keys, by the key's prefix too. Smaller than any budget above: a caller
   * guessing keys is stopped long before a real client notices.
   */
  failedAuthPerWindow?: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowMs: 60_000,
  anonymousPerWindow: 300,
  userPerWindow: 1_200,
  partnerPerWindow: 600,
  failedAuthPerWindow: 20,
};

/** Counts a key's requests in the current fixed window. */
export interface RateLimitStore {
  /** The count after this request, and when the window ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /** The count so far in the current window, without counting a request. */
  peek(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  close(): Promise<void>;
}

/** One gateway process on its own: counts in memory. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #sweeps = 0;

  async hit(key: string, windowMs: number) {
    const now = Date.now();
    // Forget finished windows now and then, so the map holds only active callers.
    if (++this.#sweeps % 1_000 === 0) {
      for (const [stored, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(stored);
    }
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return { ...window };
  }

  async peek(key: string, windowMs: number) {
    const now = Date.now();
    const window = this.#windows.get(key);
    if (!window || window.resetAt <= now) return { count: 0, resetAt: now + windowMs };
    return { ...window };
  }

  async close() {}
}

/** Several gateway replicas: one count per key in Redis, so they enforce one limit together. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #redis: Redis;

  /** `prefix` namespaces the keys, so that several deployments can share one Redis. */
  constructor(
    url: string,
    private readonly prefix = "lamplight",
  ) {
    this.#redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  }

  async hit(key: string, windowMs: number) {
    const now = Date.now();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const redisKey = `${this.prefix}:rate:${key}:${windowStart}`;
    // INCR and PEXPIRE in one round trip; the key expires with its window.
    const results = await this.#redis.multi().incr(redisKey).pexpire(redisKey, windowMs).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    return { count, resetAt: windowStart + windowMs };
  }

  async peek(key: string, windowMs: number) {
    const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
    const count = Number((await this.#redis.get(`${this.prefix}:rate:${key}:${windowStart}`)) ?? 0);
    return { count, resetAt: windowStart + windowMs };
  }

  async close() {
    await this.#redis.quit();
  }
}

/** Who a request counts against: a partner's key, a user, or (for the public) the client's address. */
export function rateLimitKey(
  principal: Principal,
  remoteAddress: string,
): { key: string; limit: "anonymousPerWindow" | "userPerWindow" | "partnerPerWindow" } {
  if (principal.kind === "partner") return { key: `key:${principal.subject}`, limit: "partnerPerWindow" };
  if (principal.kind === "user") return { key: `user:${principal.subject}`, limit: "userPerWindow" };
  return { key: `ip:${remoteAddress}`, limit: "anonymousPerWindow" };
}

/** Counts the request; over the limit, refuses it with RATE_LIMITED, 429 and Retry-After. */
export async function enforceRateLimit(
  store: RateLimitStore,
  limits: RateLimits,
  principal: Principal,
  remoteAddress: string,
): Promise<void> {
  const { key, limit } = rateLimitKey(principal, remoteAddress);
  const allowed = limits[limit];
  const { count, resetAt } = await store.hit(key, limits.windowMs);
  if (count <= allowed) return;
  throw rateLimited(allowed, limits.windowMs, resetAt);
}

function rateLimited(allowed: number, windowMs: number, resetAt: number, what = "requests"): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
  return new GraphQLError(`Too many ${what}: ${allowed} per ${windowMs / 1000}s; retry in ${retryAfter}s`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds: retryAfter,
      http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfter)]]) },
    },
  });
}

const failedAuthBudget = (limits: RateLimits): number =>
  limits.failedAuthPerWindow ?? DEFAULT_RATE_LIMITS.failedAuthPerWindow ?? 20;

/** How many characters of an API key count as its prefix for the failed-authentication budget. */
const KEY_PREFIX_LENGTH = 12;

/**
 * The failed-authentication counts a request with these credentials falls under: its client
 * address always, and for an API key its prefix (hashed: a prefix of a secret is not stored as it is).
 */
export function failedAuthKeys(remoteAddress: string, apiKey: string | undefined): string[] {
  const keys = [`authfail:ip:${remoteAddress}`];
  if (apiKey) {
    const prefix = createHash("sha256").update(apiKey.slice(0, KEY_PREFIX_LENGTH)).digest("hex").slice(0, 24);
    keys.push(`authfail:key:${prefix}`);
  }
  return keys;
}

/**
 * Before credentials are checked: a caller whose failed authentications used up their budget is
 * refused with RATE_LIMITED, 429 and Retry-After without the check being made (no signature
 * verified, no call to the access subgraph).
 */
export async function refuseAfterFailedAuth(
  store: RateLimitStore,
  limits: RateLimits,
  keys: readonly string[],
): Promise<void> {
  const allowed = failedAuthBudget(limits);
  for (const key of keys) {
    const { count, resetAt } = await store.peek(key, limits.windowMs);
    if (count >= allowed) throw rateLimited(allowed, limits.windowMs, resetAt, "failed authentications");
  }
}

/**
 * After credentials failed: counts the failure against each key; the failure that uses up the
 * budget is already refused with 429 rather than 401.
 */
export async function countFailedAuth(
  store: RateLimitStore,
  limits: RateLimits,
  keys: readonly string[],
): Promise<void> {
  const allowed = failedAuthBudget(limits);
  let refusal: GraphQLError | undefined;
  for (const key of keys) {
    const { count, resetAt } = await store.hit(key, limits.windowMs);
    if (count > allowed) refusal ??= rateLimited(allowed, limits.windowMs, resetAt, "failed authentications");
  }
  if (refusal) throw refusal;
}
