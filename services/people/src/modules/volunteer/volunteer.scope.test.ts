import { describe, expect, it } from "vitest";
import { requireVolunteerCounty, volunteersWithin } from "./volunteer.scope.js";

describe("where a volunteer serves", () => {
  it("narrows a listing to a region at its own level, and refuses a code that is not a region", () => {
    expect(volunteersWithin("510000", "filter.region")).toEqual({});
    expect(volunteersWithin("510700", "filter.region")).toEqual({ cityCode: "510700" });
    expect(volunteersWithin("510723", "filter.region")).toEqual({ regionCode: "510723" });
    expect(() => volunteersWithin("999999", "filter.region")).toThrow(/not a region/);
  });

  it("places a volunteer in a county, with its city, and nowhere above a county", () => {
    expect(requireVolunteerCounty("510723", "input.regionCode")).toEqual({
      regionCode: "510723",
      cityCode: "510700",
    });
    expect(() => requireVolunteerCounty("510000", "input.regionCode")).toThrow(/county-level/);
  });
});
