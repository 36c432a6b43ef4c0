import { demoHomes, scaleOf } from "@lamplight/seed-kit";
import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { sitesService } from "../testing.js";
import { organisationsFor } from "./demo-applications.js";
import { EXCELLENT_PER_CITY, PROVINCE_ASSESSMENT_YEARS } from "./demo-assessments.js";
import { seedSites, type TableLoad } from "./index.js";

// The generator at a small province: 60 homes from seed 7 (among them homes under review and
// building), loaded batch by batch.
const scale = scaleOf("province", { homes: 60, seed: 7 });
const homes = demoHomes(scale.seed, scale.homes);

let sites: StartedSubgraph<PrismaClient>;
let prisma: PrismaClient;
let seeded: Record<string, number>;
const loads: TableLoad[] = [];

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  prisma = sites.database.client;
  seeded = await seedSites(prisma, scale, (load) => loads.push(load));
});
afterAll(() => sites?.close());

describe("seedSites at a custom scale", () => {
  it("loads the scale's homes and the 23 facilities, and reports every table", async () => {
    expect(await prisma.site.count({ where: { kind: "HOME" } })).toBe(60);
    expect(await prisma.site.count()).toBe(60 + 21 + 2);
    expect(seeded.sites).toBe(83);
    for (const [table, rows] of Object.entries(seeded)) {
      const load = loads.find((entry) => entry.table === table)!;
      expect(load.rows).toBe(rows);
      expect(load.ms).toBeGreaterThanOrEqual(0);
    }
    expect(await prisma.siteTransition.count()).toBe(seeded.transitions);
    expect(await prisma.inventoryItem.count()).toBe(seeded.inventoryItems);
    expect(await prisma.assessment.count()).toBe(seeded.assessments);
  });

  it("gives each home a history ending in its status, and equipment only to running homes", async () => {
    const history = await prisma.siteTransition.findMany({ orderBy: [{ siteId: "asc" }, { at: "asc" }] });
    for (const home of homes) {
      const moves = history.filter((move) => move.siteId === home.id);
      expect(moves[0]?.toStatus).toBe("PROPOSED");
      expect(moves.at(-1)?.toStatus).toBe(home.status);
    }
    const equipped = new Set((await prisma.inventoryItem.findMany()).map((line) => line.siteId));
    const running = homes.filter((home) => home.status === "OPEN" || home.status === "SUSPENDED");
    expect([...equipped].sort()).toEqual(running.map((home) => home.id).sort());
  });

  it("scores five years of assessments on five criteria, at most five excellent homes per city and year", async () => {
    const assessments = await prisma.assessment.findMany({ include: { scores: true } });
    expect(assessments.length).toBeGreaterThan(0);
    const open = new Set(homes.filter((home) => home.status === "OPEN").map((home) => home.id));
    expect(new Set(assessments.map((assessment) => assessment.year))).toEqual(
      new Set(PROVINCE_ASSESSMENT_YEARS),
    );
    for (const assessment of assessments) {
      expect(open.has(assessment.siteId)).toBe(true);
      const home = homes.find((candidate) => candidate.id === assessment.siteId)!;
      expect(home.openedOn!.getTime()).toBeLessThan(Date.UTC(assessment.year, 8, 1));
      expect(assessment.scores).toHaveLength(5);
      expect(assessment.scores.reduce((sum, score) => sum + score.score, 0)).toBe(assessment.total);
    }
    const excellent = await prisma.excellentHome.findMany();
    const assessed = new Set(assessments.map((assessment) => `${assessment.year}:${assessment.siteId}`));
    expect(excellent.every((home) => assessed.has(`${home.year}:${home.siteId}`))).toBe(true);
    const perCity = new Map<string, number>();
    for (const home of excellent) {
      const city = `${home.year}:${homes.find((candidate) => candidate.id === home.siteId)!.cityCode}`;
      perCity.set(city, (perCity.get(city) ?? 0) + 1);
    }
    expect(Math.max(...perCity.values())).toBeLessThanOrEqual(EXCELLENT_PER_CITY);
  });

  it("routes each mobile library through open homes of its own city only", async () => {
    const stops = await prisma.routeStop.findMany();
    const libraries = new Map(
      (await prisma.site.findMany({ where: { kind: "MOBILE_LIBRARY" } })).map((site) => [site.id, site]),
    );
    const byId = new Map(homes.map((home) => [home.id, home]));
    for (const stop of stops) {
      expect(byId.get(stop.homeSiteId)?.status).toBe("OPEN");
      expect(byId.get(stop.homeSiteId)?.cityCode).toBe(libraries.get(stop.librarySiteId)?.cityCode);
    }
  });

  it("gives every home under review its application and every building home its contract, naming demo organisations", async () => {
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const reviewing = homes.filter((home) => home.status === "UNDER_REVIEW");
    const building = homes.filter((home) => home.status === "BUILDING");
    expect(reviewing.length).toBeGreaterThan(0);
    expect(building.length).toBeGreaterThan(0);
    for (const home of reviewing) {
      const { data, errors } = await sites.execute(
        `query($id: ID!) { site(id: $id) { hasApplication application { proposedCapacity applicant { id }
            documents { totalCount } reviews { level decision } } } }`,
        { id: home.id },
        admin,
      );
      expect(errors).toBeUndefined();
      expect(data?.site).toMatchObject({
        hasApplication: true,
        application: { proposedCapacity: home.capacity, reviews: [{ level: "COUNTY", decision: "APPROVE" }] },
      });
    }
    // Each building home's lot, through the tenders of its city: awarded to the bid ranked first.
    for (const home of building) {
      const { data, errors } = await sites.execute(
        `query($region: ID!) { tenders(region: $region) { edges { node { open lots { edges { node { site { id }
            contract { bid { id } vendor { id } } ranking { edges { node { rank complete bid { id } } } } } } } } } } }`,
        { region: home.cityCode },
        admin,
      );
      expect(errors).toBeUndefined();
      const lot = data?.tenders.edges
        .flatMap((edge: any) => edge.node.lots.edges.map((lotEdge: any) => lotEdge.node))
        .find((node: any) => node.site?.id === home.id);
      expect(lot?.contract).not.toBeNull();
      expect(lot.ranking.edges[0].node).toMatchObject({
        rank: 1,
        complete: true,
        bid: { id: lot.contract.bid.id },
      });
    }
    // People registers the demo world's organisations for this seed: every id named here is one of them.
    const known = new Set(organisationsFor(scale.seed).map((organisation) => organisation.id));
    const named = [
      ...(await prisma.siteApplication.findMany()).map((row) => row.applicantOrganisationId),
      ...(await prisma.bid.findMany()).map((row) => row.vendorOrganisationId),
      ...(await prisma.contract.findMany()).map((row) => row.vendorOrganisationId),
      ...(await prisma.tenderEvaluator.findMany()).flatMap((row) =>
        row.organisationId ? [row.organisationId] : [],
      ),
    ];
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
    expect(await prisma.contract.count()).toBe(building.length);
    expect(seeded.contracts).toBe(building.length);
  });

  it("serves the seeded homes, and a second run adds nothing", async () => {
    const { data, errors } = await sites.execute<{ site: { name: string; status: string } }>(
      `query($id: ID!) { site(id: $id) { name status } }`,
      { id: homes[0]!.id },
    );
    expect(errors).toBeUndefined();
    expect(data?.site).toEqual({ name: homes[0]!.name, status: homes[0]!.status });
    const again = await seedSites(prisma, scale);
    expect(Object.values(again).every((rows) => rows === 0)).toBe(true);
  });
});
