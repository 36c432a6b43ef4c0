import {
  type EventHandler,
  ORGANISATION_EVENT_VERSION,
  OrganisationEventType,
  organisationFacts,
} from "@lamplight/events";

/** Keeps an organisation's name, kind and region as people says them. */
const keepOrganisation: EventHandler = async (tx, event) => {
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
};

/** What a subgraph keeping organisations does with people's organisation events. */
export const organisationEventHandlers: Record<string, Record<number, EventHandler>> = Object.fromEntries(
  Object.values(OrganisationEventType).map((type) => [
    type,
    { [ORGANISATION_EVENT_VERSION]: keepOrganisation },
  ]),
);
