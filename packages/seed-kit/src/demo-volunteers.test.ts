import { getRegion } from "@lamplight/regions";
import { describe, expect, it } from "vitest";
import { DEMO_SEED, demoHomes } from "./demo-homes.js";
import { DEMO_VOLUNTEER_ID } from "./demo-references.js";
import { DEMO_VOLUNTEER_COUNT, demoVolunteerSource, demoVolunteers } from "./demo-volunteers.js";

const homes = demoHomes();

describe("demoVolunteers", () => {
  const volunteers = demoVolunteers();

  it("has 5,000 volunteers with unique ids, the demo volunteer first, the same every time", () => {
    expect(volunteers).toHaveLength(DEMO_VOLUNTEER_COUNT);
    expect(new Set(volunteers.map((volunteer) => volunteer.id)).size).toBe(DEMO_VOLUNTEER_COUNT);
    expect(volunteers[0]).toEqual({
      id: DEMO_VOLUNTEER_ID,
      regionCode: "510723",
      cityCode: "510700",
      kind: "TEACHER",
      status: "ACTIVE",
    });
    expect(demoVolunteers(DEMO_SEED, 20)).toEqual(volunteers.slice(0, 20));
  });

  it("draws in chunks exactly what one draw gives, the demo volunteer only once", () => {
    const next = demoVolunteerSource(DEMO_SEED, homes[0]);
    const chunked = [...next(1), ...next(0), ...next(499), ...next(4500)];
    expect(chunked).toEqual(volunteers);
    expect(chunked.filter((volunteer) => volunteer.id === DEMO_VOLUNTEER_ID)).toHaveLength(1);
  });

  it("keeps the statuses' weights: 76% active, 7% vetted, 7% applied, 10% inactive", () => {
    const share = (status: string) =>
      volunteers.filter((volunteer) => volunteer.status === status).length / volunteers.length;
    expect(share("ACTIVE")).toBeGreaterThan(0.74);
    expect(share("ACTIVE")).toBeLessThan(0.78);
    expect(share("INACTIVE")).toBeGreaterThan(0.08);
    expect(share("INACTIVE")).toBeLessThan(0.12);
    for (const volunteer of volunteers)
      expect(getRegion(volunteer.regionCode)?.parent).toBe(volunteer.cityCode);
  });
});
