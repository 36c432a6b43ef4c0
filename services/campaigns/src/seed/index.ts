import { chunks } from "@lamplight/seed-kit";
import type { PrismaClient } from "../generated/prisma/client.js";
import { demoActivities } from "./demo-activities.js";
import { demoAwards } from "./demo-awards.js";
import { demoProjects } from "./demo-projects.js";

/** The tables loaded in bulk, by name: never built from input. */
type BulkTable =
  | "Project"
  | "ProjectMilestone"
  | "Home"
  | "Activity"
  | "ActivityHome"
  | "Occurrence"
  | "Registration"
  | "AwardSelection"
  | "Nomination"
  | "Review";

/**
 * Inserts many rows in ONE statement: the rows travel as a single JSON parameter that PostgreSQL
 * expands into the table's own row type (the funding seed does the same). Every column must be
 * given; existing rows are skipped, so seeding twice changes nothing.
 */
async function bulkInsert(prisma: PrismaClient, table: BulkTable, rows: readonly object[]): Promise<number> {
  let inserted = 0;
  for (const batch of chunks(rows, 5000)) {
    inserted += await prisma.$executeRawUnsafe(
      `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json) ON CONFLICT DO NOTHING`,
      JSON.stringify(batch),
    );
  }
  return inserted;
}

/** The 11 projects and their milestones; tests that need projects load only these. */
export async function seedProjects(prisma: PrismaClient): Promise<{ projects: number; milestones: number }> {
  const { projects, milestones } = demoProjects();
  return {
    projects: await bulkInsert(prisma, "Project", projects),
    milestones: await bulkInsert(prisma, "ProjectMilestone", milestones),
  };
}

/**
 * Loads the demo data: projects, the homes' counties, about 2,000 activities over 2026 with their
 * occurrences, registrations and attendance, and the 2026 award selections. Deterministic and
 * idempotent (seeded ids; existing rows are skipped).
 */
export async function seedCampaigns(
  prisma: PrismaClient,
  options: { seed?: number } = {},
): Promise<Record<string, number>> {
  const projects = await seedProjects(prisma);
  const activities = demoActivities(options.seed);
  const awards = demoAwards(options.seed);
  return {
    ...projects,
    homes: await bulkInsert(prisma, "Home", activities.homes),
    activities: await bulkInsert(prisma, "Activity", activities.activities),
    activityHomes: await bulkInsert(prisma, "ActivityHome", activities.activityHomes),
    occurrences: await bulkInsert(prisma, "Occurrence", activities.occurrences),
    registrations: await bulkInsert(prisma, "Registration", activities.registrations),
    awardSelections: await bulkInsert(prisma, "AwardSelection", awards.selections),
    nominations: await bulkInsert(prisma, "Nomination", awards.nominations),
    reviews: await bulkInsert(prisma, "Review", awards.reviews),
  };
}
