import { getRegion } from "@lamplight/regions";
import { describe, expect, it } from "vitest";
import { ATTENDING_A_HOME, DEMO_STUDENT_COUNT, demoChildren, demoChildSource } from "./demo-children.js";
import { DEMO_SEED, demoHomes, SiteStatus } from "./demo-homes.js";

const homes = demoHomes();
const FIRST_HOME = "06adf337-e817-466e-9150-007fd232b2ce";

describe("demoChildren", () => {
  const children = demoChildren();

  it("has the demo's 20,000 children with unique ids, the same every time", () => {
    expect(children).toHaveLength(DEMO_STUDENT_COUNT);
    expect(new Set(children.map((child) => child.id)).size).toBe(DEMO_STUDENT_COUNT);
    expect(demoChildren(DEMO_SEED, 50)).toEqual(children.slice(0, 50));
    expect(demoChildren(DEMO_SEED + 1, 50)[0]?.id).not.toBe(children[0]?.id);
  });

  it("draws in chunks exactly what one draw gives", () => {
    const next = demoChildSource(DEMO_SEED, homes);
    const chunked = [...next(1), ...next(999), ...next(2000), ...next(0), ...next(17_000)];
    expect(chunked).toEqual(children);
  });

  it("places every child in a county, and 85% of those with an open home in their county in one", () => {
    const open = new Map(homes.filter((home) => home.status === SiteStatus.OPEN).map((h) => [h.id, h]));
    const countiesWithHomes = new Set([...open.values()].map((home) => home.regionCode));
    let couldAttend = 0;
    let attend = 0;
    for (const child of children) {
      expect(getRegion(child.regionCode)?.parent).toBe(child.cityCode);
      if (countiesWithHomes.has(child.regionCode)) couldAttend++;
      if (child.siteId === null) continue;
      attend++;
      expect(open.get(child.siteId)?.regionCode).toBe(child.regionCode);
    }
    expect(attend / couldAttend).toBeGreaterThan(ATTENDING_A_HOME - 0.02);
    expect(attend / couldAttend).toBeLessThan(ATTENDING_A_HOME + 0.02);
    // Most open homes have children; the first demo home (the demo site manager's) has three.
    expect(new Set(children.map((child) => child.siteId)).size).toBeGreaterThan(open.size * 0.95);
    expect(children.filter((child) => child.siteId === FIRST_HOME)).toHaveLength(3);
  });

  it("gives grades that fit the birth dates, mostly primary", () => {
    for (const child of children) {
      const born = child.birthDate;
      const ageOnFirstSeptember = 2026 - born.getUTCFullYear() - (born.getUTCMonth() >= 8 ? 1 : 0);
      expect(ageOnFirstSeptember - child.grade).toBe(5);
    }
    expect(children.filter((child) => child.grade <= 6).length / children.length).toBeGreaterThan(0.65);
  });
});
