import { getRegion } from "@lamplight/regions";
import { describe, expect, it } from "vitest";
import { DEMO_HOME_COUNT, DEMONSTRATION_CITY, demoHomes, SiteStatus } from "./demo-homes.js";

describe("demoHomes", () => {
  const homes = demoHomes();

  it("has the programme's 1,700+ homes in real counties, with unique ids", () => {
    expect(homes).toHaveLength(DEMO_HOME_COUNT);
    expect(new Set(homes.map((home) => home.id)).size).toBe(homes.length);
    for (const home of homes) {
      expect(getRegion(home.regionCode)?.level).toBe("COUNTY");
      expect(getRegion(home.regionCode)?.parent).toBe(home.cityCode);
    }
  });

  it("has 151 demonstration homes in Mianyang and 55 open ones elsewhere", () => {
    const demonstration = homes.filter((home) => home.demonstration);
    expect(demonstration.filter((home) => home.cityCode === DEMONSTRATION_CITY)).toHaveLength(151);
    const elsewhere = demonstration.filter((home) => home.cityCode !== DEMONSTRATION_CITY);
    expect(elsewhere).toHaveLength(55);
    expect(elsewhere.every((home) => home.status === SiteStatus.OPEN)).toBe(true);
  });

  it("is the same province every time, ids included", () => {
    expect(demoHomes().slice(0, 3)).toEqual(homes.slice(0, 3));
    expect(homes[0]?.id).toBe("06adf337-e817-466e-9150-007fd232b2ce");
  });

  it("keeps each home's status, so that people's demo children stay in the same open homes", () => {
    const counts: Record<string, number> = {};
    for (const home of homes) counts[home.status] = (counts[home.status] ?? 0) + 1;
    expect(counts).toEqual({
      OPEN: 1582,
      BUILDING: 44,
      APPROVED: 27,
      SUSPENDED: 26,
      UNDER_REVIEW: 20,
      CLOSED: 13,
    });
    expect(Object.values(SiteStatus)).toEqual([
      "PROPOSED",
      "APPLIED",
      "UNDER_REVIEW",
      "APPROVED",
      "REJECTED",
      "TENDERING",
      "BUILDING",
      "OPEN",
      "SUSPENDED",
      "CLOSED",
    ]);
  });
});
