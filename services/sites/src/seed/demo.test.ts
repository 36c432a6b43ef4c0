import { DEMO_SEED, demoHomes } from "@lamplight/seed-kit";
import { describe, expect, it } from "vitest";
import { checkTransition, type Status } from "../modules/transition/transition.machine.js";
import { demoAssessments, EXCELLENT_PER_CITY } from "./demo-assessments.js";
import { demoInventories } from "./demo-equipment.js";
import { demoFacilities } from "./demo-facilities.js";
import { demoHistory } from "./demo-history.js";

// The demo seed's rows, checked without a database.
const homes = demoHomes();
const ALL_FACTS = {
  hasApplication: true,
  reviews: { COUNTY: "APPROVE", CITY: "APPROVE", PROVINCE: "APPROVE" },
  constructionAwarded: true,
  hasLocation: true,
} as const;

describe("the demo seed", () => {
  it("gives every home a history of legal moves, in order, ending in its status", () => {
    const history = demoHistory(homes, DEMO_SEED);
    const bySite = new Map<string, typeof history>();
    for (const row of history) bySite.set(row.siteId, [...(bySite.get(row.siteId) ?? []), row]);
    expect(bySite.size).toBe(homes.length);
    for (const home of homes) {
      const moves = bySite.get(home.id)!;
      expect(moves[0]).toMatchObject({ fromStatus: null, toStatus: "PROPOSED" });
      expect(moves.at(-1)?.toStatus).toBe(home.status);
      for (let i = 1; i < moves.length; i++) {
        const move = moves[i]!;
        expect(
          checkTransition(move.fromStatus as Status, move.toStatus as Status, "PROVINCE", ALL_FACTS),
        ).toEqual({ ok: true });
        expect((move.at as Date).getTime()).toBeGreaterThan((moves[i - 1]!.at as Date).getTime());
      }
    }
    expect(demoHistory(homes, DEMO_SEED)).toEqual(history);
  });

  it("equips about three in four open homes fully, every demonstration home among them", () => {
    const inventory = demoInventories(homes, DEMO_SEED);
    const minimum: Record<string, number> = { BOOKS: 300, DESK: 10, CHAIR: 20, FIRE_EXTINGUISHER: 2 };
    const open = homes.filter((home) => home.status === "OPEN");
    const compliant = open.filter((home) => {
      const lines = inventory.filter((line) => line.siteId === home.id);
      return lines.length === 11 && lines.every((line) => line.count >= (minimum[line.itemCode] ?? 1));
    });
    expect(compliant.length / open.length).toBeGreaterThan(0.7);
    expect(compliant.length / open.length).toBeLessThan(0.8);
    const demonstration = new Set(compliant.map((home) => home.id));
    expect(open.filter((home) => home.demonstration).every((home) => demonstration.has(home.id))).toBe(true);
  });

  it("assesses open homes only, and selects five excellent homes per city", () => {
    const { assessments, scores, excellent } = demoAssessments(homes, DEMO_SEED);
    const open = new Set(homes.filter((home) => home.status === "OPEN").map((home) => home.id));
    expect(assessments.every((assessment) => open.has(assessment.siteId))).toBe(true);
    expect(scores).toHaveLength(assessments.length * 5);
    expect(excellent).toHaveLength(21 * EXCELLENT_PER_CITY);
  });

  it("gives each of the 21 cities a mobile library calling at eight of its open homes", () => {
    const { sites, stops } = demoFacilities(homes, DEMO_SEED);
    expect(sites.filter((site) => site.kind === "MOBILE_LIBRARY")).toHaveLength(21);
    expect(sites.filter((site) => site.kind === "ACTIVITY_CENTRE")).toHaveLength(2);
    expect(stops).toHaveLength(21 * 8);
    const cityOf = new Map(homes.map((home) => [home.id, home.cityCode]));
    for (const stop of stops) {
      const library = sites.find((site) => site.id === stop.librarySiteId)!;
      expect(cityOf.get(stop.homeSiteId)).toBe(library.cityCode);
    }
  });
});
