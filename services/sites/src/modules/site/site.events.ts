import {
  announceUnannounced,
  appendStateEvents,
  SITE_EVENT_VERSION,
  SiteEventType,
  type SqlClient,
  type StateEventSource,
  type TransactionalSqlClient,
} from "@lamplight/events";

/**
 * A site's facts as every site event carries them (SiteFacts in packages/events' catalogue,
 * docs/EVENTS.md): this query is their one definition.
 */
const SITE_FACTS: StateEventSource = {
  entity: "Site",
  version: SITE_EVENT_VERSION,
  from: `"Site" s`,
  key: `s."id"::text`,
  payload: `jsonb_build_object('id', s."id", 'name', s."name", 'kind', s."kind", 'countyCode', s."regionCode",
    'cityCode', s."cityCode", 'status', s."status")`,
  order: `s."createdAt", s."id"`,
};

/** Appends one `type` event per site, with its facts as the transaction now sees them. */
export function appendSiteEvents(
  tx: SqlClient,
  type: SiteEventType,
  siteIds: readonly string[],
): Promise<number> {
  return appendStateEvents(tx, SITE_FACTS, type, `s."id" = ANY($2::uuid[])`, siteIds);
}

/**
 * Announces every site never announced: homes the seed loads in bulk, and those written before
 * sites published events. Idempotent; run at every start, so consumers can rebuild from the feed.
 */
export function announceUnannouncedSites(client: TransactionalSqlClient): Promise<number> {
  return announceUnannounced(client, SITE_FACTS, SiteEventType.REGISTERED);
}
