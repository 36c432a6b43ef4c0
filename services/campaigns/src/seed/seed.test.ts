import { DEMO_PROJECTS, DEMO_VOLUNTEER_ID, demoChildren, demoVolunteers } from "@lamplight/seed-kit";
import { entities, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { campaignsService } from "../testing.js";
import { DEMO_ACTIVITY_COUNT, DEMO_TODAY, FIRST_DEMO_HOME } from "./demo-activities.js";
import { seedCampaigns } from "./index.js";

let campaigns: StartedSubgraph<PrismaClient>;
let seeded: Record<string, number>;

beforeAll(async () => {
  campaigns = await startSubgraph(campaignsService);
  seeded = await seedCampaigns(campaigns.database.client);
});
afterAll(() => campaigns?.close());

describe("the demo data", () => {
  it("holds the 11 projects with their shared ids, about 2,000 activities a year over 2025 and 2026 and their registrations", async () => {
    expect(seeded.projects).toBe(11);
    expect(seeded.activities).toBeGreaterThanOrEqual(2 * DEMO_ACTIVITY_COUNT);
    expect(seeded.occurrences).toBeGreaterThan(seeded.activities!);
    expect(seeded.registrations).toBeGreaterThan(20_000);
    const { data } = await campaigns.execute(
      `{ projects(first: 100) { totalCount edges { node { id code } } } }`,
    );
    expect(data?.projects.edges.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual(
      DEMO_PROJECTS.map((project) => project.id).sort(),
    );
  });

  it("loads again without adding anything", async () => {
    const again = await seedCampaigns(campaigns.database.client);
    expect(Object.values(again).every((count) => count === 0)).toBe(true);
  });

  it("shows the first demo home's activities, its award and the demo volunteer's minutes", async () => {
    const { data, errors } = await entities(
      campaigns.url,
      [{ __typename: "Site", id: FIRST_DEMO_HOME }],
      `... on Site { activities(from: "2026-11-01", to: "2026-11-30") { totalCount }
                     awards { edges { node { year category rank } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?._entities[0]?.activities.totalCount).toBeGreaterThan(0);
    expect(data?._entities[0]?.awards.edges).toEqual([
      { node: { year: 2026, category: "EXCELLENT_HOME", rank: 1 } },
    ]);
    const volunteer = await entities(
      campaigns.url,
      [{ __typename: "Volunteer", id: DEMO_VOLUNTEER_ID }],
      "... on Volunteer { activityMinutes }",
    );
    expect(volunteer.data?._entities[0]?.activityMinutes).toBeGreaterThan(0);
    const counts = await entities(
      campaigns.url,
      [{ __typename: "Region", code: "510000" }],
      "... on Region { activityCounts(year: 2026) { kind month count } }",
    );
    const total = counts.data?._entities[0]?.activityCounts.reduce(
      (sum: number, row: { count: number }) => sum + row.count,
      0,
    );
    const in2026 = await campaigns.database.client.occurrence.count({
      where: { date: { gte: new Date("2026-01-01"), lte: new Date("2026-12-31") } },
    });
    expect(total).toBe(in2026);
  });
});

const day = (date: Date) => date.toISOString().slice(0, 10);

describe("the demo's registrations, in the one demo world", () => {
  const children = new Map(demoChildren().map((child) => [child.id, child]));
  const volunteers = new Map(demoVolunteers().map((volunteer) => [volunteer.id, volunteer]));
  const firstHomeChildren = [...children.values()].filter((child) => child.siteId === FIRST_DEMO_HOME);

  it("names only seed-kit's children, each at the home they attend, none twice per occurrence nor more than the home has", async () => {
    const prisma = campaigns.database.client;
    const rows = await prisma.registration.findMany({
      where: { participant: "CHILD" },
      select: { occurrenceId: true, studentId: true, homeId: true },
    });
    expect(rows.length).toBeGreaterThan(20_000);
    const perOccurrence = new Map<string, { homeId: string; children: Set<string> }>();
    const homeSize = new Map<string, number>();
    for (const child of children.values())
      if (child.siteId) homeSize.set(child.siteId, (homeSize.get(child.siteId) ?? 0) + 1);
    for (const row of rows) {
      expect(children.get(row.studentId!)?.siteId).toBe(row.homeId);
      const occurrence = perOccurrence.get(row.occurrenceId) ?? { homeId: row.homeId!, children: new Set() };
      expect(occurrence.children.has(row.studentId!)).toBe(false);
      occurrence.children.add(row.studentId!);
      perOccurrence.set(row.occurrenceId, occurrence);
    }
    for (const { homeId, children: registered } of perOccurrence.values()) {
      expect(registered.size).toBeLessThanOrEqual(homeSize.get(homeId)!);
    }
    // Small homes fill up: some occurrence registers every child of its home.
    expect(
      [...perOccurrence.values()].some(
        ({ homeId, children: registered }) => registered.size === homeSize.get(homeId),
      ),
    ).toBe(true);
  });

  it("names only seed-kit's active volunteers, of the home's county or city", async () => {
    const rows = await campaigns.database.client.$queryRawUnsafe<
      { volunteerId: string; regionCode: string; cityCode: string }[]
    >(`SELECT r."volunteerId", a."regionCode", a."cityCode" FROM "Registration" r
        JOIN "Activity" a ON a.id = r."activityId" WHERE r.participant = 'VOLUNTEER'`);
    expect(rows.length).toBeGreaterThan(1000);
    let inCounty = 0;
    for (const row of rows) {
      const volunteer = volunteers.get(row.volunteerId);
      expect(volunteer?.status).toBe("ACTIVE");
      expect(volunteer?.cityCode).toBe(row.cityCode);
      if (volunteer?.regionCode === row.regionCode) inCounty++;
    }
    expect(inCounty / rows.length).toBeGreaterThan(0.8);
  });

  it("has a history: as many activities in 2025 as in 2026, attendance at every occurrence before today", async () => {
    const prisma = campaigns.database.client;
    const year = (y: number) => ({ startsOn: { gte: new Date(`${y}-01-01`), lte: new Date(`${y}-12-31`) } });
    const in2025 = await prisma.activity.count({ where: { recurrence: "ONCE", ...year(2025) } });
    const in2026 = await prisma.activity.count({ where: { recurrence: "ONCE", ...year(2026) } });
    expect([in2025, in2026]).toEqual([DEMO_ACTIVITY_COUNT, DEMO_ACTIVITY_COUNT]);
    // Every occurrence before today has children and volunteers registered, attendance recorded.
    const [unattended] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Occurrence" o WHERE o.date < '${day(DEMO_TODAY)}' AND (
         NOT EXISTS (SELECT 1 FROM "Registration" r WHERE r."occurrenceId" = o.id AND r.participant = 'CHILD')
         OR NOT EXISTS (SELECT 1 FROM "Registration" r WHERE r."occurrenceId" = o.id AND r.participant = 'VOLUNTEER')
         OR EXISTS (SELECT 1 FROM "Registration" r WHERE r."occurrenceId" = o.id AND r.attended IS NULL))`,
    );
    expect(Number(unattended!.n)).toBe(0);
    const [future] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Registration" r JOIN "Occurrence" o ON o.id = r."occurrenceId"
        WHERE o.date >= '${day(DEMO_TODAY)}'`,
    );
    expect(Number(future!.n)).toBe(0);
    // Through the graph: the province's 2025 calendar is as full as the tables say.
    const counts = await entities(
      campaigns.url,
      [{ __typename: "Region", code: "510000" }],
      "... on Region { activityCounts(year: 2025) { count } }",
    );
    const total = counts.data?._entities[0]?.activityCounts.reduce(
      (sum: number, row: { count: number }) => sum + row.count,
      0,
    );
    expect(total).toBe(await prisma.occurrence.count({ where: { date: year(2025).startsOn } }));
    expect(total).toBeGreaterThan(DEMO_ACTIVITY_COUNT);
  });

  it("shows, through the graph, the first home's reading afternoons of 2025: its three children and the demo volunteer", async () => {
    const { data, errors } = await entities(
      campaigns.url,
      [{ __typename: "Site", id: FIRST_DEMO_HOME }],
      `... on Site { occurrences(from: "2025-03-01", to: "2025-03-31", first: 100) {
           edges { node { id activity { title recurrence } } } } }`,
    );
    expect(errors).toBeUndefined();
    const readings = data?._entities[0]?.occurrences.edges
      .map((edge: { node: { id: string; activity: { title: string; recurrence: string } } }) => edge.node)
      .filter((node: { activity: { recurrence: string } }) => node.activity.recurrence === "WEEKLY");
    expect(readings.length).toBeGreaterThanOrEqual(4);
    const admin = await identityHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
    const mine = new Set(firstHomeChildren.map((child) => child.id));
    expect(mine.size).toBe(3);
    for (const reading of readings) {
      const registered = await campaigns.execute(
        `query ($occurrenceId: ID!) { activityRegistrations(occurrenceId: $occurrenceId, first: 100) {
            edges { node { participant attended student { id } volunteer { id } home { id } } } } }`,
        { occurrenceId: reading.id },
        admin,
      );
      expect(registered.errors).toBeUndefined();
      const nodes = registered.data?.activityRegistrations.edges.map(
        (edge: { node: Record<string, { id: string } | string | boolean | null> }) => edge.node,
      );
      const registeredChildren = nodes.filter(
        (node: { participant: string }) => node.participant === "CHILD",
      );
      expect(registeredChildren.length).toBeGreaterThan(0);
      expect(registeredChildren.length).toBeLessThanOrEqual(3);
      for (const node of registeredChildren) {
        expect(mine.has(node.student.id)).toBe(true);
        expect(node.home.id).toBe(FIRST_DEMO_HOME);
        expect(typeof node.attended).toBe("boolean");
      }
      const serving = nodes
        .filter((node: { participant: string }) => node.participant === "VOLUNTEER")
        .map((node: { volunteer: { id: string } }) => node.volunteer.id);
      expect(serving).toContain(DEMO_VOLUNTEER_ID);
      for (const id of serving) expect(volunteers.get(id)?.status).toBe("ACTIVE");
    }
  });
});
