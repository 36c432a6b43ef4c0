import {
  appendSelectedEvents,
  SITE_EVENT_VERSION,
  SiteEventType,
  type SqlClient,
  type TransactionalSqlClient,
} from "@lamplight/events";

// What sites publishes about a site, and the payload's shape (SiteFacts), are in the events
// catalogue (packages/events, docs/EVENTS.md): the payload below is its one definition in SQL.

const selectSiteEvents = (type: string, where: string) => `
  SELECT ${type} AS "type", ${SITE_EVENT_VERSION} AS "version", 'Site' AS "entity", s."id"::text AS "key",
    jsonb_build_object('id', s."id", 'name', s."name", 'kind', s."kind", 'countyCode', s."regionCode",
      'cityCode', s."cityCode", 'status', s."status") AS "payload"
  FROM "Site" s WHERE ${where} ORDER BY s."createdAt", s."id"`;

/** Appends one `type` event per site, with its facts as the transaction now sees them. */
export function appendSiteEvents(
  tx: SqlClient,
  type: SiteEventType,
  siteIds: readonly string[],
): Promise<number> {
  return appendSelectedEvents(tx, selectSiteEvents("$1::text", `s."id" = ANY($2::uuid[])`), type, siteIds);
}

/**
 * Announces every site never announced: homes the seed loads in bulk, and those written before
 * sites published events. Idempotent; run at every start, so consumers can rebuild from the feed.
 */
export function announceUnannouncedSites(client: TransactionalSqlClient): Promise<number> {
  return client.$transaction((tx) =>
    appendSelectedEvents(
      tx,
      selectSiteEvents(
        `'${SiteEventType.REGISTERED}'`,
        `NOT EXISTS (SELECT 1 FROM "OutboxEvent" o WHERE o."entity" = 'Site' AND o."key" = s."id"::text)`,
      ),
    ),
  );
}
