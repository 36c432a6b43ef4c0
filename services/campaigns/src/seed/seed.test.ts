import { DEMO_PROJECTS, DEMO_VOLUNTEER_ID } from "@lamplight/seed-kit";
import { entities, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { campaignsService } from "../testing.js";
import { FIRST_DEMO_HOME } from "./demo-activities.js";
import { seedCampaigns } from "./index.js";

let campaigns: StartedSubgraph<PrismaClient>;
let seeded: Record<string, number>;

beforeAll(async () => {
  campaigns = await startSubgraph(campaignsService);
  seeded = await seedCampaigns(campaigns.database.client);
});
afterAll(() => campaigns?.close());

describe("the demo data", () => {
  it("holds the 11 projects with their shared ids, about 2,000 activities over 2026 and their registrations", async () => {
    expect(seeded.projects).toBe(11);
    expect(seeded.activities).toBeGreaterThanOrEqual(2000);
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
