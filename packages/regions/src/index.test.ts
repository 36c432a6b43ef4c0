import { describe, expect, it } from "vitest";
import {
  allRegions,
  ancestorsOf,
  childrenOf,
  cities,
  cityOf,
  counties,
  countiesWithin,
  getRegion,
  isRegionCode,
  isWithin,
  PROVINCE_CODE,
  parentOf,
  requireRegion,
  searchRegions,
} from "./index.js";

const codes = (regions: readonly { code: string }[]) => regions.map((r) => r.code);

describe("region data", () => {
  it("has one province and exactly 21 prefecture-level divisions in code order", () => {
    expect(allRegions().filter((r) => r.level === "PROVINCE")).toEqual([getRegion(PROVINCE_CODE)]);
    expect(cities()).toHaveLength(21);
    expect(cities().map((r) => r.pinyin)).toEqual([
      "Chengdu",
      "Zigong",
      "Panzhihua",
      "Luzhou",
      "Deyang",
      "Mianyang",
      "Guangyuan",
      "Suining",
      "Neijiang",
      "Leshan",
      "Nanchong",
      "Meishan",
      "Yibin",
      "Guang'an",
      "Dazhou",
      "Ya'an",
      "Bazhong",
      "Ziyang",
      "Aba",
      "Ganzi",
      "Liangshan",
    ]);
    expect(cities().every((r) => r.parent === PROVINCE_CODE && r.code.endsWith("00"))).toBe(true);
  });

  it("uses unique six-digit codes", () => {
    const all = codes(allRegions());
    expect(all.every((code) => /^51\d{4}$/.test(code))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it("places every county under a city sharing its first four digits", () => {
    for (const county of counties()) {
      const parent = county.parent === null ? undefined : getRegion(county.parent);
      expect(parent?.level, county.code).toBe("CITY");
      expect(county.code.slice(0, 4), county.code).toBe(parent?.code.slice(0, 4));
      expect(county.code.endsWith("00"), county.code).toBe(false);
    }
  });

  it("has a plausible number of county-level divisions", () => {
    expect(counties().length).toBeGreaterThanOrEqual(180);
    expect(counties().length).toBeLessThanOrEqual(185);
    expect(counties().length + cities().length + 1).toBe(allRegions().length);
  });

  it("has non-empty names and positive populations", () => {
    for (const r of allRegions()) {
      expect(r.name.length, r.code).toBeGreaterThan(0);
      expect(r.pinyin.length, r.code).toBeGreaterThan(0);
      expect(r.population, r.code).toBeGreaterThan(0);
    }
  });

  it("reflects recent reorganisations", () => {
    expect(getRegion("510185")).toMatchObject({ name: "简阳市", parent: "510100" });
    expect(getRegion("513402")).toMatchObject({ name: "会理市", level: "COUNTY", parent: "513400" });
    expect(getRegion("510981")?.name).toBe("射洪市");
    expect(getRegion("511011")?.name).toBe("东兴区");
    expect(isRegionCode("512081")).toBe(false); // Jianyang's code before it moved to Chengdu
    expect(isRegionCode("513425")).toBe(false); // Huili's code while it was a county
  });
});

describe("lookups", () => {
  it("gets and requires regions", () => {
    expect(getRegion("510703")).toMatchObject({
      name: "涪城区",
      pinyin: "Fucheng District",
      level: "COUNTY",
    });
    expect(getRegion("999999")).toBeUndefined();
    expect(requireRegion("510700").name).toBe("绵阳市");
    expect(() => requireRegion("999999")).toThrow(/999999/);
    expect(isRegionCode("513400")).toBe(true);
    expect(isRegionCode("")).toBe(false);
  });

  it("walks parents and ancestors nearest first", () => {
    expect(parentOf("510703")?.code).toBe("510700");
    expect(parentOf(PROVINCE_CODE)).toBeUndefined();
    expect(codes(ancestorsOf("510703"))).toEqual(["510700", "510000"]);
    expect(codes(ancestorsOf("510700"))).toEqual(["510000"]);
    expect(ancestorsOf(PROVINCE_CODE)).toEqual([]);
    expect(ancestorsOf("999999")).toEqual([]);
  });

  it("lists children in code order", () => {
    expect(codes(childrenOf("510700"))).toEqual([
      "510703",
      "510704",
      "510705",
      "510722",
      "510723",
      "510725",
      "510726",
      "510727",
      "510781",
    ]);
    expect(childrenOf(PROVINCE_CODE)).toEqual(cities());
    expect(childrenOf("510703")).toEqual([]);
    expect(childrenOf("999999")).toEqual([]);
  });

  it("answers isWithin", () => {
    expect(isWithin("510703", "510700")).toBe(true);
    expect(isWithin("510703", "510000")).toBe(true);
    expect(isWithin("510703", "510703")).toBe(true);
    expect(isWithin("510703", "510100")).toBe(false);
    expect(isWithin("510700", "510703")).toBe(false);
    expect(isWithin("999999", "510000")).toBe(false);
    expect(isWithin("510703", "999999")).toBe(false);
  });

  it("finds the city of a region", () => {
    expect(cityOf("510703")?.name).toBe("绵阳市");
    expect(cityOf("513402")?.code).toBe("513400");
    expect(cityOf("510700")?.code).toBe("510700");
    expect(cityOf(PROVINCE_CODE)).toBeUndefined();
    expect(cityOf("999999")).toBeUndefined();
  });

  it("collects counties at or under a region", () => {
    expect(countiesWithin(PROVINCE_CODE)).toEqual(counties());
    expect(countiesWithin("510700")).toEqual(childrenOf("510700"));
    expect(codes(countiesWithin("510703"))).toEqual(["510703"]);
    expect(countiesWithin("999999")).toEqual([]);
    expect(cities().reduce((n, city) => n + countiesWithin(city.code).length, 0)).toBe(counties().length);
  });
});

describe("searchRegions", () => {
  it("matches pinyin case-insensitively", () => {
    expect(codes(searchRegions("mianyang"))).toContain("510700");
    expect(codes(searchRegions("  MIANYANG "))).toContain("510700");
  });

  it("matches Chinese names by substring", () => {
    expect(codes(searchRegions("绵阳"))).toEqual(["510700"]);
    expect(codes(searchRegions("市中区"))).toEqual(["511002", "511102"]);
  });

  it("ignores apostrophes in pinyin", () => {
    expect(codes(searchRegions("guangan"))).toContain("511600");
    expect(codes(searchRegions("Ya'an"))).toContain("511800");
  });

  it("returns nothing for blank or unmatched text", () => {
    expect(searchRegions("")).toEqual([]);
    expect(searchRegions("   ")).toEqual([]);
    expect(searchRegions("beijing")).toEqual([]);
  });
});
