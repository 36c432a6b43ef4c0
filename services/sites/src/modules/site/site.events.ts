import { appendSelectedEvents, type SqlClient, type TransactionalSqlClient } from "@lamplight/events";

/**
 * What sites publishes about a home or facility (docs/EVENTS.md). Every event carries the site's
 * facts as they are once the write commits, so a consumer's replica is the latest event's payload
 * and a late or repeated event cannot leave it half-updated.
 */
export const SiteEventType = {
  /** A site was registered (or existed before events were published, and is announced). */
  REGISTERED: "site.registered",
  /** Its name or kind changed. */
  CHANGED: "site.changed",
  /** It moved to another county (and so, perhaps, another city). */
  MOVED: "site.moved",
  /** Its lifecycle status changed (CLOSED: it closed). */
  STATUS_CHANGED: "site.statusChanged",
} as const;
export type SiteEventType = (typeof SiteEventType)[keyof typeof SiteEventType];

/** The payload's version; a change that breaks consumers is a new version (docs/EVENTS.md). */
export const SITE_EVENT_VERSION = 1;

/** The payload of every site event (version 1). */
export interface SiteFacts {
  id: string;
  name: string;
  kind: "HOME" | "MOBILE_LIBRARY" | "ACTIVITY_CENTRE";
  /** The county-level region it is in, and that county's city. */
  countyCode: string;
  cityCode: string;
  status: string;
}

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
