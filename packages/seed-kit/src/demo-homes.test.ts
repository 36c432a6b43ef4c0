import { cities, countiesWithin, getRegion } from "@lamplight/regions";
import { describe, expect, it } from "vitest";
import { DEMO_HOME_COUNT, DEMO_SEED, DEMONSTRATION_CITY, demoHomes, SiteStatus } from "./demo-homes.js";
import { MAX_HOMES } from "./scale.js";

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

describe("demoHomes at other counts", () => {
  const counties = cities().flatMap((city) => countiesWithin(city.code));

  it("plans for 20,000 homes in every one of the 183 counties, most in rural ones", () => {
    const homes = demoHomes(DEMO_SEED, MAX_HOMES);
    expect(homes).toHaveLength(MAX_HOMES);
    expect(new Set(homes.map((home) => home.id)).size).toBe(MAX_HOMES);
    const perCounty = new Map<string, number>();
    for (const home of homes) {
      expect(getRegion(home.regionCode)?.parent).toBe(home.cityCode);
      expect(
        home.address.startsWith(`四川省${getRegion(home.cityCode)!.name}${getRegion(home.regionCode)!.name}`),
      ).toBe(true);
      perCounty.set(home.regionCode, (perCounty.get(home.regionCode) ?? 0) + 1);
    }
    expect(counties).toHaveLength(183);
    expect(counties.every((county) => (perCounty.get(county.code) ?? 0) > 0)).toBe(true);
    const perPerson = (urban: boolean) => {
      const chosen = counties.filter((county) => county.name.endsWith("区") === urban);
      const people = chosen.reduce((sum, county) => sum + county.population, 0);
      return chosen.reduce((sum, county) => sum + (perCounty.get(county.code) ?? 0), 0) / people;
    };
    expect(perPerson(false)).toBeGreaterThan(3 * perPerson(true));
    const demonstration = homes.filter((home) => home.demonstration);
    expect(demonstration.filter((home) => home.cityCode === DEMONSTRATION_CITY)).toHaveLength(151);
    expect(demonstration).toHaveLength(151 + 55);
  });

  it("keeps a small province's homes and demonstration sites in proportion", () => {
    const homes = demoHomes(7, 30);
    expect(homes).toHaveLength(30);
    expect(homes.filter((home) => home.demonstration).length).toBe(Math.round((151 * 30) / 1712) + 1);
    expect(demoHomes(7, 30)).toEqual(homes);
    expect(demoHomes(8, 30)[0]?.id).not.toBe(homes[0]?.id);
  });
});
