import { describe, expect, it } from "vitest";
import { ExpiringCache } from "./expiring-cache.js";

describe("ExpiringCache", () => {
  it("keeps a value until it expires", () => {
    const cache = new ExpiringCache<string>();
    cache.set("token", "principal", 1_000);
    expect(cache.get("token", 999)).toBe("principal");
    expect(cache.get("token", 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("drops the oldest entry past its bound", () => {
    const cache = new ExpiringCache<number>(2);
    cache.set("a", 1, 10);
    cache.set("b", 2, 10);
    cache.set("c", 3, 10);
    expect([cache.get("a", 0), cache.get("b", 0), cache.get("c", 0)]).toEqual([undefined, 2, 3]);
  });
});
