import { chunks, DEMO_SEED } from "@lamplight/seed-kit";
import type { PrismaClient } from "../generated/prisma/client.js";
import { demoAssessments } from "./demo-assessments.js";
import { demoInventories } from "./demo-equipment.js";
import { demoFacilities } from "./demo-facilities.js";
import { demoHistory } from "./demo-history.js";
import { demoSites } from "./demo-sites.js";

const BATCH = 1000;

async function insert<Row>(
  rows: readonly Row[],
  createMany: (args: { data: Row[]; skipDuplicates: true }) => Promise<{ count: number }>,
): Promise<number> {
  let inserted = 0;
  for (const batch of chunks(rows, BATCH))
    inserted += (await createMany({ data: batch, skipDuplicates: true })).count;
  return inserted;
}

/**
 * Loads the demo province: its homes and their histories, the other facilities, the homes'
 * equipment and the 2025 assessments. Idempotent: rows keep their seeded ids (or keys), and
 * existing ones are skipped. The equipment standard and the assessment criteria come with the
 * migrations.
 */
export async function seedSites(
  prisma: PrismaClient,
  options: { seed?: number } = {},
): Promise<Record<string, number>> {
  const seed = options.seed ?? DEMO_SEED;
  const homes = demoSites(seed);
  const facilities = demoFacilities(homes, seed);
  const assessments = demoAssessments(homes, seed);
  return {
    sites: await insert([...homes, ...facilities.sites], (args) => prisma.site.createMany(args)),
    transitions: await insert([...demoHistory(homes, seed), ...facilities.history], (args) =>
      prisma.siteTransition.createMany(args),
    ),
    routeStops: await insert(facilities.stops, (args) => prisma.routeStop.createMany(args)),
    inventoryItems: await insert(demoInventories(homes, seed), (args) =>
      prisma.inventoryItem.createMany(args),
    ),
    assessments: await insert(assessments.assessments, (args) => prisma.assessment.createMany(args)),
    assessmentScores: await insert(assessments.scores, (args) => prisma.assessmentScore.createMany(args)),
    excellentHomes: await insert(assessments.excellent, (args) => prisma.excellentHome.createMany(args)),
  };
}
