import { DEMO_SEED, demoHomes, type Scale, scaleOf } from "@lamplight/seed-kit";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { NeedCategory } from "../generated/prisma/enums.js";
import { announceUnannouncedOrganisations } from "../modules/organisation/organisation.events.js";
import { announceUnannouncedStudents } from "../modules/student/student.events.js";
import { announceUnannouncedVolunteers } from "../modules/volunteer/volunteer.events.js";
import { bulkInsert, type Column } from "./bulk.js";
import { demoMemberships, demoOrganisations } from "./demo-organisations.js";
import { studentSource } from "./demo-students.js";
import { volunteerSource } from "./demo-volunteers.js";

export interface SeedCounts {
  organisations: number;
  allianceMemberships: number;
  students: number;
  needs: number;
  guardians: number;
  volunteers: number;
  trainings: number;
  serviceLogs: number;
  pairings: number;
  careRecords: number;
}

const ORGANISATION: Column<Prisma.OrganisationCreateManyInput>[] = [
  ["id", "uuid"],
  ["name", "text"],
  ["kind", '"OrganisationKind"'],
  ["regionCode", "text"],
];
const MEMBERSHIP: Column<Prisma.AllianceMembershipCreateManyInput>[] = [
  ["id", "uuid"],
  ["organisationId", "uuid"],
  ["joinedOn", "date"],
  ["leftOn", "date"],
];
const STUDENT: Column<Prisma.StudentCreateManyInput>[] = [
  ["id", "uuid"],
  ["name", "text"],
  ["gender", '"Gender"'],
  ["birthDate", "date"],
  ["regionCode", "text"],
  ["cityCode", "text"],
  ["siteId", "uuid"],
  ["school", "text"],
  ["grade", "int"],
  ["guardianName", "text"],
  ["guardianRelationship", '"GuardianRelationship"'],
  ["guardianPhone", "text"],
  ["parentWorkCity", "text"],
  ["parentEmployer", "text"],
  ["parentPhone", "text"],
  ["consentSharePartners", "boolean"],
  ["consentPhotos", "boolean"],
  ["consentStatistics", "boolean"],
  ["updatedAt", "timestamptz"],
];
const NEED: Column<Prisma.NeedCreateManyInput>[] = [
  ["id", "uuid"],
  ["studentId", "uuid"],
  ["category", '"NeedCategory"'],
  ["level", '"NeedLevel"'],
  ["assessedOn", "date"],
];
const GUARDIAN: Column<Prisma.GuardianCreateManyInput>[] = [
  ["id", "uuid"],
  ["studentId", "uuid"],
  ["name", "text"],
  ["relationship", '"GuardianRelationship"'],
  ["phone", "text"],
  ["livesWithChild", "boolean"],
  ["isPrimary", "boolean"],
];
const VOLUNTEER: Column<Prisma.VolunteerCreateManyInput>[] = [
  ["id", "uuid"],
  ["name", "text"],
  ["phone", "text"],
  ["kind", '"VolunteerKind"'],
  ["status", '"VolunteerStatus"'],
  ["regionCode", "text"],
  ["cityCode", "text"],
  ["skills", '"VolunteerSkill"[]'],
  ["availableDays", '"Weekday"[]'],
  ["weeklyHours", "int"],
  ["backgroundCheckedOn", "date"],
  ["backgroundCheckExpiresOn", "date"],
  ["backgroundCheckReference", "text"],
  ["statusChangedAt", "timestamptz"],
  ["inactiveReason", "text"],
  ["createdAt", "timestamptz"],
];
const TRAINING: Column<Prisma.VolunteerTrainingCreateManyInput>[] = [
  ["id", "uuid"],
  ["volunteerId", "uuid"],
  ["topic", '"TrainingTopic"'],
  ["title", "text"],
  ["completedOn", "date"],
  ["certificateNumber", "text"],
  ["expiresOn", "date"],
];
const SERVICE_LOG: Column<Prisma.ServiceLogCreateManyInput>[] = [
  ["id", "uuid"],
  ["volunteerId", "uuid"],
  ["servedOn", "date"],
  ["minutes", "int"],
  ["description", "text"],
];
const PAIRING: Column<Prisma.PairingCreateManyInput>[] = [
  ["id", "uuid"],
  ["volunteerId", "uuid"],
  ["studentId", "uuid"],
  ["reason", "text"],
  ["startedOn", "date"],
  ["checkInEveryDays", "int"],
  ["lastCheckInOn", "date"],
  ["nextCheckInDue", "date"],
];
const CARE_RECORD: Column<Prisma.CareRecordCreateManyInput>[] = [
  ["id", "uuid"],
  ["studentId", "uuid"],
  ["kind", '"CareKind"'],
  ["happenedOn", "date"],
  ["durationMinutes", "int"],
  ["notes", "text"],
  ["volunteerId", "uuid"],
  ["pairingId", "uuid"],
  ["recordedBy", "text"],
];

/** Rows inserted into one table and the time spent inserting them. */
export interface TableLoad {
  rows: number;
  ms: number;
}

export interface SeedOptions {
  /** The scale to load (seed-kit's `scaleFromArgs`): its seed, homes, children and volunteers. */
  scale?: Scale;
  /** Overrides the scale's number of children. */
  students?: number;
  /** Overrides the scale's number of volunteers. */
  volunteers?: number;
  /** Children generated and loaded at a time (their volunteers in proportion); the demo loads in one. */
  chunk?: number;
  /** Called after each chunk with the children loaded so far. */
  progress?: (students: number) => void;
  /** Filled in per table with the rows inserted and the time it took (for the seed's report). */
  loads?: Map<keyof SeedCounts, TableLoad>;
}

/** Children per chunk at province scale: bounded memory, and enough per county to pair within. */
export const PROVINCE_CHUNK = 20_000;

/**
 * Loads the organisations and their alliance memberships, children with needs and guardians, and
 * volunteers with their trainings, service, pairings and check-ins, in bulk (one statement per
 * 5,000 rows). At demo scale the children and volunteers are drawn in one chunk (the demo data set,
 * ids included); at province scale, chunk by chunk from the same streams, each chunk's volunteers
 * in proportion and paired with that chunk's children, so memory stays bounded whatever the size.
 * `--seed` shifts every stream (the demo seed gives the demo data). Who the children and volunteers
 * are (ids, counties, homes, grades, kinds, statuses) comes from seed-kit's `demoChildSource` and
 * `demoVolunteerSource`, the same world campaigns registers for activities; the rest is drawn here.
 * Children attend open homes of `demoHomes(seed, homes)`, and the demo volunteer is paired with
 * children of its first home.
 * Idempotent: rows keep their seeded ids, and existing ones are skipped.
 */
export async function seedPeople(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedCounts> {
  const scale = options.scale ?? scaleOf("demo");
  const shift = scale.seed - DEMO_SEED;
  const studentCount = options.students ?? scale.children;
  const volunteerCount = options.volunteers ?? scale.volunteers;
  const chunk = options.chunk ?? (scale.name === "demo" ? Math.max(studentCount, 1) : PROVINCE_CHUNK);
  const homes = demoHomes(scale.seed, scale.homes);
  const tables = options.loads ?? new Map<keyof SeedCounts, TableLoad>();
  for (const table of TABLES) tables.set(table, { rows: 0, ms: 0 });
  const load = async <Row>(
    key: keyof SeedCounts,
    table: string,
    columns: readonly Column<Row>[],
    rows: Row[],
  ) => {
    const started = performance.now();
    const entry = tables.get(key)!;
    entry.rows += await bulkInsert(prisma, table, columns, rows);
    entry.ms += performance.now() - started;
  };

  const organisationRows = demoOrganisations(20261130 + shift);
  await load("organisations", "Organisation", ORGANISATION, organisationRows);
  await load(
    "allianceMemberships",
    "AllianceMembership",
    MEMBERSHIP,
    demoMemberships(organisationRows, 20261203 + shift),
  );

  // The children and volunteers are seed-kit's, from the world seed: campaigns registers the same ones.
  const nextStudents = studentSource(scale.seed, homes);
  const nextVolunteers = volunteerSource(scale.seed, homes[0]!);
  const now = new Date();
  for (let start = 0; start < studentCount || (start === 0 && volunteerCount > 0); start += chunk) {
    const end = Math.min(start + chunk, studentCount);
    const { students, needs, guardians } = nextStudents(end - start);
    const needsOf = new Map<string, NeedCategory[]>();
    for (const need of needs) {
      const list = needsOf.get(need.studentId);
      if (list) list.push(need.category);
      else needsOf.set(need.studentId, [need.category]);
    }
    // This chunk's share of the volunteers: the last chunk takes what rounding left.
    const volunteersBefore = studentCount === 0 ? 0 : Math.floor((volunteerCount * start) / studentCount);
    const volunteersUpTo =
      end >= studentCount ? volunteerCount : Math.floor((volunteerCount * end) / studentCount);
    const volunteers = nextVolunteers(
      students.map((student) => ({
        id: student.id!,
        regionCode: student.regionCode,
        siteId: student.siteId ?? null,
        needs: needsOf.get(student.id!) ?? [],
      })),
      volunteersUpTo - volunteersBefore,
    );
    await load(
      "students",
      "Student",
      STUDENT,
      students.map((student) => ({ ...student, updatedAt: now })),
    );
    await load("needs", "Need", NEED, needs);
    await load("guardians", "Guardian", GUARDIAN, guardians);
    await load("volunteers", "Volunteer", VOLUNTEER, volunteers.volunteers);
    await load("trainings", "VolunteerTraining", TRAINING, volunteers.trainings);
    await load("serviceLogs", "ServiceLog", SERVICE_LOG, volunteers.serviceLogs);
    await load("pairings", "Pairing", PAIRING, volunteers.pairings);
    await load("careRecords", "CareRecord", CARE_RECORD, volunteers.careRecords);
    options.progress?.(end);
    if (end >= studentCount) break;
  }
  // What was loaded in bulk is announced, so that the subgraphs that name these records know them.
  await announceUnannouncedOrganisations(prisma);
  await announceUnannouncedStudents(prisma);
  await announceUnannouncedVolunteers(prisma);
  return Object.fromEntries(TABLES.map((table) => [table, tables.get(table)!.rows])) as unknown as SeedCounts;
}

const TABLES: readonly (keyof SeedCounts)[] = [
  "organisations",
  "allianceMemberships",
  "students",
  "needs",
  "guardians",
  "volunteers",
  "trainings",
  "serviceLogs",
  "pairings",
  "careRecords",
];
