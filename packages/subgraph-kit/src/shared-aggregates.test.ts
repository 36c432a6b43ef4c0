import { describe, expect, it, vi } from "vitest";
import { SharedAggregates } from "./shared-aggregates.js";

/** A computation that records the keys it was asked for and answers `key × 10`. */
function counting() {
  const calls: string[][] = [];
  const compute = async (keys: string[]) => {
    calls.push(keys);
    return keys.map((key) => Number(key) * 10);
  };
  return { calls, compute };
}

describe("SharedAggregates", () => {
  it("computes only the keys it does not hold, all of them in one call, in the keys' order", async () => {
    const aggregates = new SharedAggregates(10);
    const { calls, compute } = counting();
    expect(await aggregates.batch("count", ["1", "2"], compute)).toEqual([10, 20]);
    expect(await aggregates.batch("count", ["3", "2", "4", "1"], compute)).toEqual([30, 20, 40, 10]);
    expect(calls).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    // Another aggregate's name is another cache entry.
    await aggregates.batch("sum", ["1"], compute);
    expect(calls).toHaveLength(3);
  });

  it("shares a computation still running with the requests that ask meanwhile", async () => {
    const aggregates = new SharedAggregates(10);
    const { calls, compute } = counting();
    const [first, second] = await Promise.all([
      aggregates.batch("count", ["7"], compute),
      aggregates.batch("count", ["7", "8"], compute),
    ]);
    expect(first).toEqual([70]);
    expect(second).toEqual([70, 80]);
    expect(calls).toEqual([["7"], ["8"]]);
    expect(await aggregates.one("total", async () => 42)).toBe(42);
    expect(await aggregates.one("total", async () => 0)).toBe(42);
  });

  it("serves a value past its time to live while one background computation refreshes it", async () => {
    vi.useFakeTimers();
    try {
      const aggregates = new SharedAggregates(5);
      let total = 10;
      const calls: string[][] = [];
      const compute = async (keys: string[]) => {
        calls.push(keys);
        return keys.map(() => total);
      };
      expect(await aggregates.batch("total", ["a"], compute)).toEqual([10]);
      vi.advanceTimersByTime(4_000);
      expect(await aggregates.batch("total", ["a"], compute)).toEqual([10]);
      expect(calls).toHaveLength(1);
      // Stale: the old value at once, and one refresh for any number of requests meanwhile.
      total = 11;
      vi.advanceTimersByTime(1_000);
      expect(
        await Promise.all([
          aggregates.batch("total", ["a"], compute),
          aggregates.batch("total", ["a"], compute),
        ]),
      ).toEqual([[10], [10]]);
      await vi.advanceTimersByTimeAsync(0);
      expect(calls).toHaveLength(2);
      expect(await aggregates.batch("total", ["a"], compute)).toEqual([11]);
      // Past twice the time to live nothing is served stale: the request waits for the figure.
      total = 12;
      vi.advanceTimersByTime(10_000);
      expect(await aggregates.batch("total", ["a"], compute)).toEqual([12]);
      expect(calls).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("forgets everything on clear(), and a refresh under way then stores nothing", async () => {
    vi.useFakeTimers();
    try {
      const aggregates = new SharedAggregates(5);
      const { calls, compute } = counting();
      await aggregates.batch("count", ["1"], compute);
      vi.advanceTimersByTime(5_000);
      let finishRefresh: (values: number[]) => void = () => {};
      await aggregates.batch(
        "count",
        ["1"],
        () => new Promise<number[]>((resolve) => (finishRefresh = resolve)),
      );
      aggregates.clear();
      expect(aggregates.size).toBe(0);
      finishRefresh([999]);
      await vi.advanceTimersByTimeAsync(0);
      expect(aggregates.size).toBe(0);
      expect(await aggregates.batch("count", ["1"], compute)).toEqual([10]);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not remember a failed computation", async () => {
    const aggregates = new SharedAggregates(10);
    await expect(
      aggregates.batch("count", ["1"], () => Promise.reject(new Error("connection lost"))),
    ).rejects.toThrow("connection lost");
    await new Promise((resolve) => setImmediate(resolve));
    expect(aggregates.size).toBe(0);
    expect(await aggregates.batch("count", ["1"], counting().compute)).toEqual([10]);
  });

  it("computes every time with a time to live of zero, and keeps at most maxEntries", async () => {
    const { calls, compute } = counting();
    const uncached = new SharedAggregates(0);
    await uncached.batch("count", ["1"], compute);
    await uncached.batch("count", ["1"], compute);
    expect(calls).toHaveLength(2);
    const small = new SharedAggregates(10, 2);
    await small.batch("count", ["1", "2", "3"], compute);
    expect(small.size).toBe(2);
  });
});
