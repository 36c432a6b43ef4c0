import { describe, expect, it } from "vitest";
import { chunks, Random } from "./random.js";

describe("Random", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("keeps integers within bounds and reaches both ends", () => {
    const random = new Random(7);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("draws weighted items in proportion to their weights", () => {
    const random = new Random(1);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        random.weighted([
          ["heavy", 9],
          ["light", 1],
        ] as const) === "heavy"
      )
        heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.87);
    expect(heavy / 10_000).toBeLessThan(0.93);
  });

  it("makes well-formed, repeatable v4 UUIDs", () => {
    const id = new Random(3).uuid();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Random(3).uuid()).toBe(id);
  });
});

describe("chunks", () => {
  it("splits into batches of at most the given size", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
