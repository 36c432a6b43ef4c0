import { ANONYMOUS } from "@lamplight/platform";
import { describe, expect, it } from "vitest";
import {
  countFailedAuth,
  enforceRateLimit,
  failedAuthKeys,
  MemoryRateLimitStore,
  rateLimitHeaders,
  rateLimitKey,
} from "./rate-limit.js";

const limits = { windowMs: 60_000, anonymousPerWindow: 3, userPerWindow: 5, partnerPerWindow: 4 };
const user = { ...ANONYMOUS, kind: "user" as const, subject: "u1", roles: ["CITY_ADMIN" as const] };

describe("rate limits in memory", () => {
  it("count partners by key, users by subject and the public by address", () => {
    expect(rateLimitKey({ ...ANONYMOUS, kind: "partner", subject: "key-1" }, "10.0.0.1").key).toBe(
      "key:key-1",
    );
    expect(rateLimitKey(user, "10.0.0.1").key).toBe("user:u1");
    expect(rateLimitKey(ANONYMOUS, "10.0.0.1").key).toBe("ip:10.0.0.1");
  });

  it("refuse the request past the limit with RATE_LIMITED and a retry time, per caller", async () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 3; i++) await enforceRateLimit(store, limits, ANONYMOUS, "10.0.0.1");
    await expect(enforceRateLimit(store, limits, ANONYMOUS, "10.0.0.1")).rejects.toMatchObject({
      extensions: { code: "RATE_LIMITED", http: { status: 429 } },
    });
    // Another address and a signed-in user have counts of their own.
    await expect(enforceRateLimit(store, limits, ANONYMOUS, "10.0.0.2")).resolves.toMatchObject({
      remaining: 2,
    });
    await expect(enforceRateLimit(store, limits, user, "10.0.0.1")).resolves.toMatchObject({ remaining: 4 });
  });

  it("start a new count when the window ends", async () => {
    const store = new MemoryRateLimitStore();
    const short = { ...limits, windowMs: 50 };
    for (let i = 0; i < 3; i++) await enforceRateLimit(store, short, ANONYMOUS, "10.0.0.9");
    await new Promise((resolve) => setTimeout(resolve, 60));
    await expect(enforceRateLimit(store, short, ANONYMOUS, "10.0.0.9")).resolves.toMatchObject({
      remaining: 2,
    });
  });
});

describe("the RateLimit header fields", () => {
  it("name the caller's policy, its quota per window, what remains and when the window ends", async () => {
    const store = new MemoryRateLimitStore();
    const partner = { ...ANONYMOUS, kind: "partner" as const, subject: "key-2" };
    await enforceRateLimit(store, limits, partner, "10.0.0.1");
    const status = await enforceRateLimit(store, limits, partner, "10.0.0.1");
    expect(status).toMatchObject({ policy: "partner", limit: 4, windowMs: 60_000, remaining: 2 });
    const headers = Object.fromEntries(rateLimitHeaders(status));
    expect(headers["ratelimit-policy"]).toBe('"partner";q=4;w=60');
    expect(headers.ratelimit).toMatch(/^"partner";r=2;t=(5\d|60)$/);
  });

  it("come with Retry-After on the refusal past the limit", async () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 3; i++) await enforceRateLimit(store, limits, ANONYMOUS, "10.0.0.3");
    const refusal = await enforceRateLimit(store, limits, ANONYMOUS, "10.0.0.3").catch((error) => error);
    const headers = refusal.extensions.http.headers as Map<string, string>;
    expect(headers.get("ratelimit-policy")).toBe('"anonymous";q=3;w=60');
    expect(headers.get("ratelimit")).toMatch(/^"anonymous";r=0;t=\d+$/);
    expect(Number(headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("name the failed-authentication budget when that refuses", async () => {
    const store = new MemoryRateLimitStore();
    const keys = failedAuthKeys("10.0.0.4", undefined);
    const budget = { ...limits, failedAuthPerWindow: 1 };
    await countFailedAuth(store, budget, keys);
    const refusal = await countFailedAuth(store, budget, keys).catch((error) => error);
    expect(refusal.extensions.http.headers.get("ratelimit-policy")).toBe('"failed-authentication";q=1;w=60');
  });
});
