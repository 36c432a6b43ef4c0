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

/** A replica value sent as a parameter of another SQL type than text (a uuid, an array). */
class Typed {
  constructor(
    readonly value: unknown,
    readonly type: string,
  ) {}
}

/**
 * Writes one replica row by its `id` (a uuid): inserted, or every other column replaced, with
 * `updatedAt` now. Table and column names are this module's own, never input.
 */
async function upsertReplica(tx: SqlClient, table: string, id: string, columns: Record<string, unknown>) {
  const names = Object.keys(columns).map((name) => `"${name}"`);
  const values = Object.values(columns);
  const placeholders = values.map((value, index) =>
    value instanceof Typed ? `$${index + 2}::${value.type}` : `$${index + 2}`,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" ("id", ${names.join(", ")}, "updatedAt")
     VALUES ($1::uuid, ${placeholders.join(", ")}, now())
     ON CONFLICT ("id") DO UPDATE SET ${names.map((name) => `${name} = EXCLUDED.${name}`).join(", ")},
       "updatedAt" = now()`,
    id,
    ...values.map((value) => (value instanceof Typed ? value.value : value)),
  );
}

/** `SiteReplica` (id, name, kind, countyCode, cityCode, status, updatedAt). */
export async function upsertSiteReplica(tx: SqlClient, payload: unknown): Promise<void> {
  const { id, name, kind, countyCode, cityCode, status } = siteFacts(payload);
  await upsertReplica(tx, "SiteReplica", id, { name, kind, countyCode, cityCode, status });
}

/** `OrganisationReplica` (id, name, kind, regionCode, updatedAt). */
export const organisationReplica: Handlers = every(
  OrganisationEventType,
  ORGANISATION_EVENT_VERSION,
  async (tx, event) => {
    const { id, name, kind, regionCode } = organisationFacts(event.payload);
    await upsertReplica(tx, "OrganisationReplica", id, { name, kind, regionCode });
  },
);

/** `SiteReplica`, from every site event. */
export const siteReplica: Handlers = every(SiteEventType, SITE_EVENT_VERSION, (tx, event) =>
  upsertSiteReplica(tx, event.payload),
);

/** `StudentReplica` (id, siteId, countyCode, cityCode, consentStatistics, updatedAt). */
export const studentReplica: Handlers = every(StudentEventType, STUDENT_EVENT_VERSION, async (tx, event) => {
  const { id, siteId, countyCode, cityCode, consentStatistics } = studentFacts(event.payload);
  await upsertReplica(tx, "StudentReplica", id, {
    siteId: new Typed(siteId, "uuid"),
    countyCode,
    cityCode,
    consentStatistics,
  });
});

/** `VolunteerReplica` (id, status, countyCode, cityCode, updatedAt). */
export const volunteerReplica: Handlers = every(
  VolunteerEventType,
  VOLUNTEER_EVENT_VERSION,
  async (tx, event) => {
    const { id, status, countyCode, cityCode } = volunteerFacts(event.payload);
    await upsertReplica(tx, "VolunteerReplica", id, { status, countyCode, cityCode });
  },
);

/** `ProjectReplica` (id, code, name, status, regionCodes, updatedAt). */
export const projectReplica: Handlers = every(ProjectEventType, PROJECT_EVENT_VERSION, async (tx, event) => {
  const { id, code, name, status, regionCodes } = projectFacts(event.payload);
  await upsertReplica(tx, "ProjectReplica", id, {
    code,
    name,
    status,
    regionCodes: new Typed(regionCodes, "text[]"),
  });
});
