import { describe, expect, it } from "vitest";
import { livingWithin, regionsWhere, requireCounty, scopeWhere } from "./student.scope.js";

const nobody = { all: false, cities: [], counties: [], siteIds: [], studentIds: [] };

describe("the children a query is about", () => {
  it("lets a scope see everyone, its cities, counties, homes and paired children, or no one", () => {
    expect(scopeWhere({ ...nobody, all: true })).toEqual({});
    expect(scopeWhere({ ...nobody, cities: ["510700"], siteIds: ["s"] })).toEqual({
      OR: [{ cityCode: { in: ["510700"] } }, { siteId: { in: ["s"] } }],
    });
    expect(scopeWhere(nobody)).toEqual({ id: { in: [] } });
  });

  it("narrows to a region at its own level, and refuses a code that is not a region", () => {
    expect(livingWithin("510000", "filter.region")).toEqual({});
    expect(livingWithin("510700", "filter.region")).toEqual({ cityCode: "510700" });
    expect(livingWithin("510723", "filter.region")).toEqual({ regionCode: "510723" });
    expect(() => livingWithin("999999", "filter.region")).toThrow(/not a region/);
  });

  it("takes a child's county with its city, and nothing above a county", () => {
    expect(requireCounty("510723", "input.regionCode")).toEqual({ regionCode: "510723", cityCode: "510700" });
    expect(() => requireCounty("510700", "input.regionCode")).toThrow(/county-level/);
  });

  it("covers every child when the province is among the regions", () => {
    expect(regionsWhere(["510700", "510000"])).toEqual({});
    expect(regionsWhere(["510700", "510723"])).toEqual({
      OR: [{ cityCode: { in: ["510700"] } }, { regionCode: { in: ["510723"] } }],
    });
  });
});
