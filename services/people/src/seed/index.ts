import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { NeedCategory } from "../generated/prisma/enums.js";
import { bulkInsert, type Column } from "./bulk.js";
import { demoMemberships, demoOrganisations } from "./demo-organisations.js";
import { demoStudents } from "./demo-students.js";
import { demoVolunteers } from "./demo-volunteers.js";

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

/**
 * Loads the demo organisations and their alliance memberships, children with needs and guardians,
 * and volunteers with their trainings, service, pairings and check-ins, in bulk (one statement per
 * 5,000 rows). Idempotent: rows keep their seeded ids, and existing ones are skipped.
 */
export async function seedPeople(
  prisma: PrismaClient,
  options: { seed?: number; students?: number; volunteers?: number } = {},
): Promise<SeedCounts> {
  const organisationRows = demoOrganisations(options.seed);
  const { students, needs, guardians } = demoStudents(options.seed, options.students);
  const needsOf = new Map<string, NeedCategory[]>();
  for (const need of needs)
    needsOf.set(need.studentId, [...(needsOf.get(need.studentId) ?? []), need.category]);
  const volunteers = demoVolunteers(
    students.map((student) => ({
      id: student.id!,
      regionCode: student.regionCode,
      siteId: student.siteId ?? null,
      needs: needsOf.get(student.id!) ?? [],
    })),
    undefined,
    options.volunteers,
  );
  const now = new Date();
  return {
    organisations: await bulkInsert(prisma, "Organisation", ORGANISATION, organisationRows),
    allianceMemberships: await bulkInsert(
      prisma,
      "AllianceMembership",
      MEMBERSHIP,
      demoMemberships(organisationRows),
    ),
    students: await bulkInsert(
      prisma,
      "Student",
      STUDENT,
      students.map((student) => ({ ...student, updatedAt: now })),
    ),
    needs: await bulkInsert(prisma, "Need", NEED, needs),
    guardians: await bulkInsert(prisma, "Guardian", GUARDIAN, guardians),
    volunteers: await bulkInsert(prisma, "Volunteer", VOLUNTEER, volunteers.volunteers),
    trainings: await bulkInsert(prisma, "VolunteerTraining", TRAINING, volunteers.trainings),
    serviceLogs: await bulkInsert(prisma, "ServiceLog", SERVICE_LOG, volunteers.serviceLogs),
    pairings: await bulkInsert(prisma, "Pairing", PAIRING, volunteers.pairings),
    careRecords: await bulkInsert(prisma, "CareRecord", CARE_RECORD, volunteers.careRecords),
  };
}
