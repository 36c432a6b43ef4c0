import {
  ORGANISATION_EVENT_VERSION,
  OrganisationEventType,
  organisationFacts,
  PROJECT_EVENT_VERSION,
  ProjectEventType,
  projectFacts,
  SITE_EVENT_VERSION,
  SiteEventType,
  STUDENT_EVENT_VERSION,
  StudentEventType,
  siteFacts,
  studentFacts,
  VOLUNTEER_EVENT_VERSION,
  VolunteerEventType,
  volunteerFacts,
} from "./catalogue.js";
import type { EventHandler } from "./consumer.js";
import type { SqlClient } from "./event.js";

/**
 * The standard replicas: tables a consuming subgraph declares in its Prisma schema with these
 * names and columns (docs/EVENTS.md), kept by these handlers from the producer's state-carrying
 * events. Each row is the latest event of its key.
 */
type Handlers = Record<string, Record<number, EventHandler>>;

function every(types: Record<string, string>, version: number, handler: EventHandler): Handlers {
  return Object.fromEntries(Object.values(types).map((type) => [type, { [version]: handler }]));
}

/** `SiteReplica` (id, name, kind, countyCode, cityCode, status, updatedAt). */
export async function upsertSiteReplica(tx: SqlClient, payload: unknown): Promise<void> {
  const site = siteFacts(payload);
  await tx.$executeRawUnsafe(
    `INSERT INTO "SiteReplica" ("id", "name", "kind", "countyCode", "cityCode", "status", "updatedAt")
     VALUES ($1::uuid, $2, $3, $4, $5, $6, now())
     ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "kind" = EXCLUDED."kind",
       "countyCode" = EXCLUDED."countyCode", "cityCode" = EXCLUDED."cityCode", "status" = EXCLUDED."status",
       "updatedAt" = now()`,
    site.id,
    site.name,
    site.kind,
    site.countyCode,
    site.cityCode,
    site.status,
  );
}

/** `OrganisationReplica` (id, name, kind, regionCode, updatedAt). */
export const organisationReplica: Handlers = every(
  OrganisationEventType,
  ORGANISATION_EVENT_VERSION,
  async (tx, event) => {
    const organisation = organisationFacts(event.payload);
    await tx.$executeRawUnsafe(
      `INSERT INTO "OrganisationReplica" ("id", "name", "kind", "regionCode", "updatedAt")
       VALUES ($1::uuid, $2, $3, $4, now())
       ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "kind" = EXCLUDED."kind",
         "regionCode" = EXCLUDED."regionCode", "updatedAt" = now()`,
      organisation.id,
      organisation.name,
      organisation.kind,
      organisation.regionCode,
    );
  },
);

/** `SiteReplica`, from every site event. */
export const siteReplica: Handlers = every(SiteEventType, SITE_EVENT_VERSION, (tx, event) =>
  upsertSiteReplica(tx, event.payload),
);

/** `StudentReplica` (id, siteId, countyCode, cityCode, consentStatistics, updatedAt). */
export const studentReplica: Handlers = every(StudentEventType, STUDENT_EVENT_VERSION, async (tx, event) => {
  const student = studentFacts(event.payload);
  await tx.$executeRawUnsafe(
    `INSERT INTO "StudentReplica" ("id", "siteId", "countyCode", "cityCode", "consentStatistics", "updatedAt")
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, now())
     ON CONFLICT ("id") DO UPDATE SET "siteId" = EXCLUDED."siteId", "countyCode" = EXCLUDED."countyCode",
       "cityCode" = EXCLUDED."cityCode", "consentStatistics" = EXCLUDED."consentStatistics", "updatedAt" = now()`,
    student.id,
    student.siteId,
    student.countyCode,
    student.cityCode,
    student.consentStatistics,
  );
});

/** `VolunteerReplica` (id, status, countyCode, cityCode, updatedAt). */
export const volunteerReplica: Handlers = every(
  VolunteerEventType,
  VOLUNTEER_EVENT_VERSION,
  async (tx, event) => {
    const volunteer = volunteerFacts(event.payload);
    await tx.$executeRawUnsafe(
      `INSERT INTO "VolunteerReplica" ("id", "status", "countyCode", "cityCode", "updatedAt")
     VALUES ($1::uuid, $2, $3, $4, now())
     ON CONFLICT ("id") DO UPDATE SET "status" = EXCLUDED."status", "countyCode" = EXCLUDED."countyCode",
       "cityCode" = EXCLUDED."cityCode", "updatedAt" = now()`,
      volunteer.id,
      volunteer.status,
      volunteer.countyCode,
      volunteer.cityCode,
    );
  },
);

/** `ProjectReplica` (id, code, name, status, regionCodes, updatedAt). */
export const projectReplica: Handlers = every(ProjectEventType, PROJECT_EVENT_VERSION, async (tx, event) => {
  const project = projectFacts(event.payload);
  await tx.$executeRawUnsafe(
    `INSERT INTO "ProjectReplica" ("id", "code", "name", "status", "regionCodes", "updatedAt")
     VALUES ($1::uuid, $2, $3, $4, $5::text[], now())
     ON CONFLICT ("id") DO UPDATE SET "code" = EXCLUDED."code", "name" = EXCLUDED."name",
       "status" = EXCLUDED."status", "regionCodes" = EXCLUDED."regionCodes", "updatedAt" = now()`,
    project.id,
    project.code,
    project.name,
    project.status,
    project.regionCodes,
  );
});
