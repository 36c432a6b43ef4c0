import { chunks, type Scale, scaleOf } from "@lamplight/seed-kit";
import type { PrismaClient } from "../generated/prisma/client.js";
import { announceUnannouncedProjects } from "../modules/project/project.events.js";
import { demoActivities, homeRows } from "./demo-activities.js";
import { demoAwards } from "./demo-awards.js";
import { DemoParticipants } from "./demo-participants.js";
import { demoProjects } from "./demo-projects.js";
import { openHomes, provinceActivities, provinceAwards } from "./province.js";

/** The tables loaded in bulk, by name: never built from input. */
export type BulkTable =
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

/** Told of every bulk statement: the table, the rows it inserted and how long it took. */
export type OnInserted = (table: BulkTable, rows: number, ms: number) => void;

/**
 * Inserts many rows in ONE statement per batch: the rows travel as a single JSON parameter that
 * PostgreSQL expands into the table's own row type (the funding seed does the same). Every column
 * must be given; existing rows are skipped, so seeding twice changes nothing.
 */
async function bulkInsert(
  prisma: PrismaClient,
  table: BulkTable,
  rows: readonly object[],
  onInserted?: OnInserted,
  batchSize = 5000,
): Promise<number> {
  let inserted = 0;
  for (const batch of chunks(rows, batchSize)) {
    const started = performance.now();
    const count = await prisma.$executeRawUnsafe(
      `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json) ON CONFLICT DO NOTHING`,
      JSON.stringify(batch),
    );
    onInserted?.(table, count, performance.now() - started);
    inserted += count;
  }
  return inserted;
}

/** The 11 projects and their milestones; tests that need projects load only these. */
export async function seedProjects(
  prisma: PrismaClient,
  onInserted?: OnInserted,
): Promise<{ projects: number; milestones: number }> {
  const { projects, milestones } = demoProjects();
  const counts = {
    projects: await bulkInsert(prisma, "Project", projects, onInserted),
    milestones: await bulkInsert(prisma, "ProjectMilestone", milestones, onInserted),
  };
  // What was loaded in bulk is announced, so that the subgraphs that name projects know them.
  await announceUnannouncedProjects(prisma);
  return counts;
}

/**
 * Loads the data of a scale (the demo by default): projects, the homes' counties, the year's
 * activities with their occurrences, registrations and attendance, and the 2026 award selections.
 * `demo`: about 2,000 activities a year over 2025 and 2026 at `demoHomes(seed, homes)`, all in
 * memory (small). Registrations name seed-kit's children and volunteers, the ones people loads.
 * `province`: `scale.activities` activities generated and inserted chunk by chunk, so memory stays
 * bounded. Deterministic from `scale.seed` and idempotent (seeded ids; existing rows are skipped).
 */
export async function seedCampaigns(
  prisma: PrismaClient,
  scale: Scale = scaleOf("demo"),
  onInserted?: OnInserted,
): Promise<Record<string, number>> {
  if (scale.name === "province") return seedProvince(prisma, scale, onInserted);
  const projects = await seedProjects(prisma, onInserted);
  const activities = demoActivities(scale);
  const awards = demoAwards(scale.seed, scale.homes);
  const insert = (table: BulkTable, rows: readonly object[]) => bulkInsert(prisma, table, rows, onInserted);
  return {
    ...projects,
    homes: await insert("Home", activities.homes),
    activities: await insert("Activity", activities.activities),
    activityHomes: await insert("ActivityHome", activities.activityHomes),
    occurrences: await insert("Occurrence", activities.occurrences),
    registrations: await insert("Registration", activities.registrations),
    awardSelections: await insert("AwardSelection", awards.selections),
    nominations: await insert("Nomination", awards.nominations),
    reviews: await insert("Review", awards.reviews),
  };
}

/** The province: the year's activities chunk by chunk, each chunk's tables in one statement each. */
async function seedProvince(
  prisma: PrismaClient,
  scale: Scale,
  onInserted?: OnInserted,
): Promise<Record<string, number>> {
  const insert = (table: BulkTable, rows: readonly object[]) =>
    bulkInsert(prisma, table, rows, onInserted, 50_000);
  const counts: Record<string, number> = { ...(await seedProjects(prisma, onInserted)) };
  const homes = openHomes(scale);
  counts.homes = await insert("Home", homeRows(homes));
  counts.activities = counts.activityHomes = counts.occurrences = counts.registrations = 0;
  // A chunk's registrations (most of the rows) load on one connection while the next chunk is
  // generated and its activities and occurrences load on another: the two cores both work.
  let registrations: Promise<number> = Promise.resolve(0);
  // The scale's children and volunteers (ids by home, county and city) that registrations name.
  const participants = new DemoParticipants(scale);
  for (const chunk of provinceActivities(scale, homes, participants)) {
    counts.activities += await insert("Activity", chunk.activities);
    counts.activityHomes += await insert("ActivityHome", chunk.activityHomes);
    counts.occurrences += await insert("Occurrence", chunk.occurrences);
    counts.registrations += await registrations;
    registrations = insert("Registration", chunk.registrations);
    // Let the statement go out before the next chunk's generation holds the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
  counts.registrations += await registrations;
  const awards = provinceAwards(scale, homes, participants);
  counts.awardSelections = await insert("AwardSelection", awards.selections);
  counts.nominations = await insert("Nomination", awards.nominations);
  counts.reviews = await insert("Review", awards.reviews);
  return counts;
}
