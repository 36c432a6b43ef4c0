import { describe, expect, it } from "vitest";
import { DEMO_SEED } from "./demo-homes.js";
import { MAX_HOMES, scaleFromArgs } from "./scale.js";

describe("scaleFromArgs", () => {
  it("defaults to the demo province from the demo seed", () => {
    expect(scaleFromArgs([])).toEqual({
      name: "demo",
      seed: DEMO_SEED,
      homes: 1712,
      children: 20_000,
      volunteers: 5_000,
      donations: 10_000,
      activities: 2_000,
    });
  });

  it("reads the province scale with a homes override and a seed number", () => {
    const scale = scaleFromArgs(["--scale", "province", "--homes", "20000", "--seed", "7"]);
    expect(scale).toMatchObject({ name: "province", seed: 7, homes: 20_000, children: 1_000_000 });
    expect(scale.volunteers).toBe(110_000);
    expect(scale.donations).toBe(1_000_000);
    expect(scale.activities).toBe(50_000);
  });

  it("refuses an unknown scale, too many homes and a seed that is not a number", () => {
    expect(() => scaleFromArgs(["--scale", "country"])).toThrow(/demo or province/);
    expect(() => scaleFromArgs(["--homes", String(MAX_HOMES + 1)])).toThrow(/--homes/);
    expect(() => scaleFromArgs(["--seed", "abc"])).toThrow(/--seed/);
  });
});
