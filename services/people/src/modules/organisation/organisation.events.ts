import {
  announceUnannounced,
  ORGANISATION_EVENT_VERSION,
  OrganisationEventType,
  type StateEventSource,
  type TransactionalSqlClient,
} from "@lamplight/events";

/** An organisation's facts as every organisation event carries them (OrganisationFacts, docs/EVENTS.md). */
const ORGANISATION_FACTS: StateEventSource = {
  entity: "Organisation",
  version: ORGANISATION_EVENT_VERSION,
  from: `"Organisation" o`,
  key: `o."id"::text`,
  payload: `jsonb_build_object('id', o."id", 'name', o."name", 'kind', o."kind", 'regionCode', o."regionCode")`,
  order: `o."createdAt", o."id"`,
};

/**
 * Announces every organisation never announced. Organisations are registered by the seed (there is
 * no mutation for them yet), so this is how the subgraphs that name them learn of them.
 */
export function announceUnannouncedOrganisations(client: TransactionalSqlClient): Promise<number> {
  return announceUnannounced(client, ORGANISATION_FACTS, OrganisationEventType.REGISTERED);
}
