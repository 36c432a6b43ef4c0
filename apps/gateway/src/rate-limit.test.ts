import { ANONYMOUS } from "@lamplight/platform";
import { describe, expect, it } from "vitest";
import { enforceRateLimit, MemoryRateLimitStore, rateLimitKey } from "./rate-limit.js";

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
    await expect(enforceRateLimit(store, limits, ANONYMOUS, "10.0.0.2")).resolves.toBeUndefined();
    await expect(enforceRateLimit(store, limits, user, "10.0.0.1")).resolves.toBeUndefined();
  });

  it("start a new count when the window ends", async () => {
    const store = new MemoryRateLimitStore();
    const short = { ...limits, windowMs: 50 };
    for (let i = 0; i < 3; i++) await enforceRateLimit(store, short, ANONYMOUS, "10.0.0.9");
    await new Promise((resolve) => setTimeout(resolve, 60));
    await expect(enforceRateLimit(store, short, ANONYMOUS, "10.0.0.9")).resolves.toBeUndefined();
  });
});
