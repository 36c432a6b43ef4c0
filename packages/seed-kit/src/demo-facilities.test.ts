import { cities, getRegion } from "@lamplight/regions";
import { describe, expect, it } from "vitest";
import { demoFacilities, FacilityKind, MOBILE_LIBRARY_ROUTE_LENGTH } from "./demo-facilities.js";
import { DEMO_SEED, demoHomes, SiteStatus } from "./demo-homes.js";

describe("demoFacilities", () => {
  const homes = demoHomes();
  const facilities = demoFacilities();

  it("has a mobile love library for each of the 21 cities, the sports activity centre and the training base", () => {
    expect(facilities.mobileLibraries.map((library) => library.cityCode)).toEqual(
      cities().map((city) => city.code),
    );
    for (const library of facilities.mobileLibraries) {
      expect(library.kind).toBe(FacilityKind.MOBILE_LIBRARY);
      expect(library.name).toBe(`${getRegion(library.cityCode)!.name}流动爱心图书馆`);
      expect(getRegion(library.regionCode)?.parent).toBe(library.cityCode);
    }
    expect(facilities.sportsCentre).toMatchObject({
      name: "四川省青少年体育活动中心",
      kind: FacilityKind.ACTIVITY_CENTRE,
      regionCode: "510104",
    });
    expect(facilities.trainingBase).toMatchObject({
      name: "留守单亲母亲培训基地",
      kind: FacilityKind.ACTIVITY_CENTRE,
      regionCode: "510723",
    });
    expect(facilities.all).toHaveLength(23);
    expect(new Set(facilities.all.map((facility) => facility.id)).size).toBe(23);
    const homeIds = new Set(homes.map((home) => home.id));
    expect(facilities.all.some((facility) => homeIds.has(facility.id))).toBe(false);
  });

  it("routes each library through eight distinct open homes of its own city", () => {
    const byId = new Map(homes.map((home) => [home.id, home]));
    for (const library of facilities.mobileLibraries) {
      expect(library.route).toHaveLength(MOBILE_LIBRARY_ROUTE_LENGTH);
      expect(new Set(library.route).size).toBe(library.route.length);
      for (const homeId of library.route) {
        expect(byId.get(homeId)).toMatchObject({ cityCode: library.cityCode, status: SiteStatus.OPEN });
      }
    }
  });

  it("keeps the ids and routes the sites seed has always loaded", () => {
    expect(demoFacilities(DEMO_SEED, homes)).toEqual(facilities);
    expect(facilities.mobileLibraries[0]).toMatchObject({
      id: "a432b2f3-7d80-4e7d-9483-56282c34d9da",
      name: "成都市流动爱心图书馆",
      regionCode: "510104",
    });
    expect(facilities.mobileLibraries[0]!.route[0]).toBe("fd1bc539-fb1d-4ce1-90b2-d8eb32932860");
    expect(facilities.sportsCentre.id).toBe("072befeb-23f2-49d8-b0f6-2abca6fbbe62");
    expect(facilities.trainingBase.id).toBe("e6fd5fe6-c2cc-4a8e-811e-6672691ba4b2");
  });

  it("follows the homes of the scale: a city without open homes has a library without a route", () => {
    const few = demoHomes(7, 30);
    const small = demoFacilities(7, few);
    expect(demoFacilities(7, few)).toEqual(small);
    expect(small.mobileLibraries).toHaveLength(21);
    const openCities = new Set(
      few.filter((home) => home.status === SiteStatus.OPEN).map((home) => home.cityCode),
    );
    for (const library of small.mobileLibraries) {
      if (!openCities.has(library.cityCode)) expect(library.route).toEqual([]);
      else expect(library.route.length).toBeGreaterThan(0);
    }
    expect(small.sportsCentre.id).not.toBe(facilities.sportsCentre.id);
  });
});
