import { describe, expect, it } from "vitest";
import { requireCounty, withinRegion } from "./site.scope.js";

describe("which homes a query is about, and where a home may be", () => {
  it("narrows a listing to a region at its own level, and refuses a code that is not a region", () => {
    expect(withinRegion("510000")).toEqual({});
    expect(withinRegion("510700")).toEqual({ cityCode: "510700" });
    expect(withinRegion("510723")).toEqual({ regionCode: "510723" });
    expect(() => withinRegion("999999", "code")).toThrow(/code "999999" is not a region/);
  });

  it("places a home in a county, with its city, and nowhere above a county", () => {
    expect(requireCounty("510723", "input.regionCode")).toEqual({ regionCode: "510723", cityCode: "510700" });
    expect(() => requireCounty("510700", "input.regionCode")).toThrow(/county-level/);
  });
});
