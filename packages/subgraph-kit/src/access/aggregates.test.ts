import { ancestorsOf } from "@lamplight/regions";
import { describe, expect, it } from "vitest";
import { type FigureGroup, protectFigures, regionFigureGroups, sumByRegion } from "./aggregates.js";

const THRESHOLD = 5;

/**
 * Everything repeated subtraction gives away of a published table, to someone who also knows the
 * figures in `known` exactly: small figures pinned to one value, and small remainders. A figure
 * that holds what they know (their own county's city) is theirs to pin; what it holds beyond
 * that shows as a remainder of its group.
 */
function givenAway(
  values: ReadonlyMap<string, number>,
  published: ReadonlyMap<string, number | null>,
  groups: readonly FigureGroup<string>[],
  known: readonly string[] = [],
): string[] {
  const theirs = new Set(known.flatMap((code) => [code, ...ancestorsOf(code).map((region) => region.code)]));
  const seen = new Map<string, number | null>(published);
  for (const key of known) seen.set(key, values.get(key) ?? 0);
  const at = (key: string) => (seen.has(key) ? seen.get(key)! : 0);
  const found = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const withheld = group.parts.filter((part) => at(part) === null);
      const total = at(group.total);
      if (total === null) {
        if (group.exhaustive && withheld.length === 0) {
          seen.set(
            group.total,
            group.parts.reduce((sum, part) => sum + at(part)!, 0),
          );
          changed = true;
        }
        continue;
      }
      const rest = group.parts.reduce((sum, part) => sum - (at(part) ?? 0), total);
      if (rest > 0 && rest < THRESHOLD) found.add(`${group.total} leaves ${rest}`);
      if (group.exhaustive && withheld.length === 1) {
        seen.set(withheld[0]!, rest);
        changed = true;
      }
    }
  }
  for (const [key, value] of seen) {
    if (theirs.has(key)) continue;
    if (published.get(key) === null && value !== null && value > 0 && value < THRESHOLD)
      found.add(`${key} = ${value}`);
  }
  return [...found];
}

/** A deterministic pseudo-random sequence, so that a failing table can be reproduced. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("protectFigures", () => {
  it("withholds the small figures and a complement, and shows the rest exactly", () => {
    // A county of 15 with homes of 3 and 12: 15 − 12 would give the 3 away.
    const values = new Map([
      ["county", 15],
      ["home-a", 3],
      ["home-b", 12],
    ]);
    const groups = [{ total: "county", parts: ["home-a", "home-b"], exhaustive: false }];
    const published = protectFigures(values, groups, THRESHOLD);
    expect(published.get("home-a")).toBeNull();
    expect(published.get("home-b") === null || published.get("county") === null).toBe(true);
    expect(givenAway(values, published, groups)).toEqual([]);
    expect(protectFigures(values, groups, 1)).toEqual(values);
  });

  it("leaves nothing small to subtract in random province tables, for the public and each county's staff", () => {
    const next = random(35);
    for (let table = 0; table < 40; table += 1) {
      // Per-county rows of a sparse table: most counties empty, some small, some large.
      const rows = ["510104", "510105", "510106", "510703", "510704", "510722", "510723", "510781"].map(
        (regionCode) => ({ regionCode, count: next() < 0.3 ? 0 : Math.floor(next() ** 2 * 40) }),
      );
      const values = sumByRegion(rows, (row) => row.count);
      const groups = regionFigureGroups((code) => code);
      const published = protectFigures(values, groups, THRESHOLD);
      for (const [key, value] of values) {
        if (value > 0 && value < THRESHOLD) expect(published.get(key), key).toBeNull();
        if (published.get(key) !== null) expect(published.get(key)).toBe(value);
      }
      expect(givenAway(values, published, groups), JSON.stringify(rows)).toEqual([]);
      for (const { regionCode } of rows) {
        expect(
          givenAway(values, published, groups, [regionCode]),
          `${regionCode} ${JSON.stringify(rows)}`,
        ).toEqual([]);
      }
    }
  });

  it("leaves nothing small to subtract between a county and its homes, for the public and each home's manager", () => {
    const next = random(36);
    for (let table = 0; table < 40; table += 1) {
      const values = new Map<string, number>();
      const groups: FigureGroup<string>[] = [];
      for (const county of ["510703", "510704", "510723"]) {
        const homes = Array.from({ length: Math.floor(next() * 4) }, (_, n) => `${county}-home-${n}`);
        for (const home of homes) values.set(home, Math.floor(next() ** 2 * 30));
        const attendingNone = next() < 0.5 ? 0 : Math.floor(next() * 8);
        values.set(
          county,
          homes.reduce((sum, home) => sum + values.get(home)!, attendingNone),
        );
        groups.push({ total: county, parts: homes, exhaustive: false });
      }
      values.set(
        "510700",
        ["510703", "510704", "510723"].reduce((sum, county) => sum + values.get(county)!, 0),
      );
      groups.push({ total: "510700", parts: ["510703", "510704", "510723"], exhaustive: true });
      const published = protectFigures(values, groups, THRESHOLD);
      const described = JSON.stringify([...values]);
      expect(givenAway(values, published, groups), described).toEqual([]);
      for (const home of [...values.keys()].filter((key) => key.includes("home"))) {
        expect(givenAway(values, published, groups, [home]), `${home} ${described}`).toEqual([]);
      }
    }
  });

  it("protects a table with margins both ways: regions by kind", () => {
    // Volunteers by county and kind: each county's kinds add up to its total, each kind over the counties.
    const values = new Map<string, number>([
      ["city", 30],
      ["a", 20],
      ["b", 10],
      ["city:X", 22],
      ["city:Y", 8],
      ["a:X", 18],
      ["a:Y", 2],
      ["b:X", 4],
      ["b:Y", 6],
    ]);
    const groups: FigureGroup<string>[] = [
      { total: "city", parts: ["a", "b"], exhaustive: true },
      { total: "city:X", parts: ["a:X", "b:X"], exhaustive: true },
      { total: "city:Y", parts: ["a:Y", "b:Y"], exhaustive: true },
      ...["city", "a", "b"].map((code) => ({
        total: code,
        parts: [`${code}:X`, `${code}:Y`],
        exhaustive: true,
      })),
    ];
    const published = protectFigures(values, groups, THRESHOLD);
    expect(published.get("a:Y")).toBeNull();
    expect(published.get("b:X")).toBeNull();
    expect(givenAway(values, published, groups)).toEqual([]);
  });
});
