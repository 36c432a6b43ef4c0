import { DEMO_SEED, demoHomes, demoOrganisations } from "@lamplight/seed-kit";
import { describe, expect, it } from "vitest";
import { rankBids } from "../modules/tender/tender.ranking.js";
import { checkTransition, type Status } from "../modules/transition/transition.machine.js";
import { APPLICATIONS_KEPT_SINCE, applicationRows } from "./demo-applications.js";
import { demoAssessments, EXCELLENT_PER_CITY } from "./demo-assessments.js";
import { demoInventories } from "./demo-equipment.js";
import { demoFacilities } from "./demo-facilities.js";
import { demoHistory } from "./demo-history.js";
import { tenderRows } from "./demo-tenders.js";

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

describe("the demo homes' applications, tenders and contracts", () => {
  const organisations = new Map(demoOrganisations().map((organisation) => [organisation.id, organisation]));
  const history = demoHistory(homes, DEMO_SEED);
  const stepOf = (siteId: string, status: string) =>
    (
      history.find((row) => row.siteId === siteId && row.toStatus === status)?.at as Date | undefined
    )?.getTime();
  const applications = [...applicationRows(homes, DEMO_SEED)];
  const tenders = [...tenderRows(homes, DEMO_SEED)];
  const bySite = new Map(applications.map((item) => [item.application.siteId, item]));
  const decisions = (siteId: string) =>
    bySite.get(siteId)?.reviews.map((review) => `${review.level}:${review.decision}`);

  it("gives every home that has applied its application, from a demo organisation, on the day of its APPLIED step", () => {
    const applied = homes.filter(
      (home) =>
        ["UNDER_REVIEW", "APPROVED", "BUILDING"].includes(home.status) ||
        (home.status === "OPEN" && home.openedOn! >= APPLICATIONS_KEPT_SINCE),
    );
    expect(applied.length).toBeGreaterThan(200);
    expect([...bySite.keys()].sort()).toEqual(applied.map((home) => home.id).sort());
    for (const home of applied) {
      const { application, documents } = bySite.get(home.id)!;
      expect(application).toMatchObject({
        hostModel: home.hostModel,
        proposedAddress: home.address,
        proposedCapacity: home.capacity,
        latitude: home.latitude,
        longitude: home.longitude,
      });
      expect((application.submittedAt as Date).getTime()).toBe(stepOf(home.id, "APPLIED"));
      const applicant = organisations.get(application.applicantOrganisationId)!;
      expect(applicant).toBeDefined();
      if (applicant.regionCode !== home.cityCode) {
        expect(applicant).toMatchObject({ regionCode: "510000", kind: "ALLIANCE_SOCIAL_GROUP" });
      }
      expect(documents.length).toBeGreaterThanOrEqual(1);
      expect(documents.length).toBeLessThanOrEqual(2);
    }
  });

  it("has the reviews of the levels each home has passed, between its review and its approval", () => {
    for (const home of homes.filter((candidate) => candidate.status === "UNDER_REVIEW")) {
      expect(decisions(home.id)).toEqual(["COUNTY:APPROVE"]);
    }
    for (const item of applications.filter((candidate) => candidate.reviews.length === 3)) {
      expect(decisions(item.application.siteId)).toEqual([
        "COUNTY:APPROVE",
        "CITY:APPROVE",
        "PROVINCE:APPROVE",
      ]);
      const times = item.reviews.map((review) => (review.reviewedAt as Date).getTime());
      expect(times[0]).toBeGreaterThan(stepOf(item.application.siteId, "UNDER_REVIEW")!);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times[2]).toBeLessThan(stepOf(item.application.siteId, "APPROVED")!);
    }
    for (const home of homes.filter((candidate) =>
      ["APPROVED", "BUILDING", "OPEN"].includes(candidate.status),
    )) {
      if (bySite.has(home.id)) expect(bySite.get(home.id)!.reviews).toHaveLength(3);
    }
  });

  it("gives every building home its city's tender and the contract the tender's own ranking awards", () => {
    const building = homes.filter((home) => home.status === "BUILDING");
    expect(building.length).toBeGreaterThan(20);
    expect(tenders.map((item) => item.lot.siteId).sort()).toEqual(building.map((home) => home.id).sort());
    for (const item of tenders) {
      const home = building.find((candidate) => candidate.id === item.lot.siteId)!;
      expect(item.tender).toMatchObject({ purpose: "CONSTRUCTION", regionCode: home.cityCode });
      expect(item.criteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
      expect(item.bids.length).toBeGreaterThanOrEqual(2);
      expect(item.bids.length).toBeLessThanOrEqual(3);
      expect(new Set(item.bids.map((bid) => bid.vendorOrganisationId)).size).toBe(item.bids.length);
      const opened = (item.tender.createdAt as Date).getTime();
      const deadline = (item.tender.deadline as Date).getTime();
      expect(opened).toBe(stepOf(home.id, "TENDERING"));
      for (const bid of item.bids) {
        const vendor = organisations.get(bid.vendorOrganisationId)!;
        expect(vendor.kind).toBe("ALLIANCE_COMPANY");
        expect([home.cityCode, "510000"]).toContain(vendor.regionCode);
        expect((bid.submittedAt as Date).getTime()).toBeGreaterThan(opened);
        expect((bid.submittedAt as Date).getTime()).toBeLessThan(deadline);
      }
      const ranked = rankBids(
        item.criteria,
        item.bids.map((bid) => ({ ...bid, amountFen: BigInt(bid.amountFen) })),
        item.scores,
      );
      expect(ranked.every((entry) => entry.complete)).toBe(true);
      const contract = item.contract!;
      expect(contract.bidId).toBe(ranked[0]!.bidId);
      const winner = item.bids.find((bid) => bid.id === contract.bidId)!;
      expect(contract).toMatchObject({
        vendorOrganisationId: winner.vendorOrganisationId,
        amountFen: winner.amountFen,
      });
      const awarded = (contract.awardedAt as Date).getTime();
      for (const score of item.scores) {
        expect((score.scoredAt as Date).getTime()).toBeGreaterThan(deadline);
        expect((score.scoredAt as Date).getTime()).toBeLessThan(awarded);
      }
      expect(awarded).toBeLessThan(stepOf(home.id, "BUILDING")!);
    }
  });

  it("names only organisations of the demo world, and draws the same rows from the same seed", () => {
    const named = [
      ...applications.map((item) => item.application.applicantOrganisationId),
      ...tenders.flatMap((item) => [
        ...item.bids.map((bid) => bid.vendorOrganisationId),
        ...item.evaluators.flatMap((evaluator) =>
          evaluator.organisationId ? [evaluator.organisationId] : [],
        ),
        item.contract!.vendorOrganisationId,
      ]),
    ];
    expect(named.filter((id) => !organisations.has(id))).toEqual([]);
    expect([...applicationRows(homes, DEMO_SEED)]).toEqual(applications);
    expect([...tenderRows(homes, DEMO_SEED)]).toEqual(tenders);
  });
});
