import { createHash } from "node:crypto";
import { type ApolloServerPlugin, HeaderMap } from "@apollo/server";
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
  /** Resolves when a shared store answers (for `/readyz`); counts kept in memory have none. */
  ping?(signal: AbortSignal): Promise<void>;
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

  async ping(signal: AbortSignal) {
    signal.throwIfAborted();
    const aborted = new Promise<never>((_, reject) =>
      signal.addEventListener("abort", () => reject(signal.reason), { once: true }),
    );
    await Promise.race([this.#redis.ping(), aborted]);
  }

  async close() {
    await this.#redis.quit();
  }
}

/** Where a caller stands in its current window: what the RateLimit header fields tell it. */
export interface RateLimitStatus {
  /** The policy counted against: anonymous, user, partner or failed-authentication. */
  policy: string;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /** Requests left in this window. */
  remaining: number;
  /** When the window ends (epoch milliseconds). */
  resetAt: number;
}

const POLICY_NAMES = {
  anonymousPerWindow: "anonymous",
  userPerWindow: "user",
  partnerPerWindow: "partner",
} as const;

/** The seconds until a window ends, at least 1 (what Retry-After says, and the RateLimit field's `t`). */
const secondsUntil = (resetAt: number): number => Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));

/**
 * The header fields of draft-ietf-httpapi-ratelimit-headers (the structured form of drafts 08 to
 * 12): `RateLimit-Policy: "partner";q=600;w=60` (the quota per window of seconds) and
 * `RateLimit: "partner";r=598;t=42` (what remains, and the seconds until the window ends).
 */
export function rateLimitHeaders(status: RateLimitStatus): [string, string][] {
  const policy = `"${status.policy}"`;
  return [
    ["ratelimit-policy", `${policy};q=${status.limit};w=${Math.ceil(status.windowMs / 1000)}`],
    ["ratelimit", `${policy};r=${status.remaining};t=${secondsUntil(status.resetAt)}`],
  ];
}

/**
 * Every answer to a request that was counted carries the RateLimit header fields, whatever it
 * holds: data, a refused operation, a document that does not validate. (A request refused by its
 * rate limit carries them on its error, with Retry-After, before any plugin runs.)
 */
export function rateLimitHeadersPlugin<
  Context extends { rateLimit: RateLimitStatus },
>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          for (const [name, value] of rateLimitHeaders(contextValue.rateLimit)) {
            response.http.headers.set(name, value);
          }
        },
      };
    },
  };
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

/**
 * Counts the request and answers where the caller stands; over the limit, refuses it with
 * RATE_LIMITED, 429, Retry-After and the RateLimit header fields.
 */
export async function enforceRateLimit(
  store: RateLimitStore,
  limits: RateLimits,
  principal: Principal,
  remoteAddress: string,
): Promise<RateLimitStatus> {
  const { key, limit } = rateLimitKey(principal, remoteAddress);
  const allowed = limits[limit];
  const { count, resetAt } = await store.hit(key, limits.windowMs);
  const status = {
    policy: POLICY_NAMES[limit],
    limit: allowed,
    windowMs: limits.windowMs,
    remaining: Math.max(0, allowed - count),
    resetAt,
  };
  if (count <= allowed) return status;
  throw rateLimited(status);
}

function rateLimited(status: RateLimitStatus, what = "requests"): GraphQLError {
  const retryAfter = secondsUntil(status.resetAt);
  const headers = new HeaderMap([["retry-after", String(retryAfter)], ...rateLimitHeaders(status)]);
  return new GraphQLError(
    `Too many ${what}: ${status.limit} per ${status.windowMs / 1000}s; retry in ${retryAfter}s`,
    {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfterSeconds: retryAfter,
        http: { status: 429, headers },
      },
    },
  );
}

/** Where a caller stands in its failed-authentication budget, as the RateLimit header fields tell it. */
const failedAuthStatus = (limits: RateLimits, resetAt: number, remaining = 0): RateLimitStatus => ({
  policy: "failed-authentication",
  limit: failedAuthBudget(limits),
  windowMs: limits.windowMs,
  remaining,
  resetAt,
});

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
    if (count >= allowed) throw rateLimited(failedAuthStatus(limits, resetAt), "failed authentications");
  }
}

/**
 * After credentials failed: counts the failure against each key; the failure that uses up the
 * budget is already refused with 429 rather than 401. Resolves to the tightest of the budgets,
 * which the 401 answer's RateLimit header fields tell.
 */
export async function countFailedAuth(
  store: RateLimitStore,
  limits: RateLimits,
  keys: readonly string[],
): Promise<RateLimitStatus> {
  const allowed = failedAuthBudget(limits);
  let refusal: GraphQLError | undefined;
  let tightest: RateLimitStatus | undefined;
  for (const key of keys) {
    const { count, resetAt } = await store.hit(key, limits.windowMs);
    if (count > allowed) refusal ??= rateLimited(failedAuthStatus(limits, resetAt), "failed authentications");
    const status = failedAuthStatus(limits, resetAt, Math.max(0, allowed - count));
    if (!tightest || status.remaining < tightest.remaining) tightest = status;
  }
  if (refusal) throw refusal;
  return tightest ?? failedAuthStatus(limits, Date.now() + limits.windowMs, allowed);
}
