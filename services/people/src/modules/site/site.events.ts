import {
  type EventHandler,
  SITE_EVENT_VERSION,
  SiteEventType,
  type SqlClient,
  StudentEventType,
  siteFacts,
  upsertSiteReplica,
} from "@lamplight/events";
import { appendStudentEventsAtSite } from "../student/student.events.js";

/**
 * Keeps the replica of one site from an event's facts. A home that moved county takes its children
 * with it: a child is registered in the county of the home they attend, and is scoped by it.
 */
async function keepSite(tx: SqlClient, payload: unknown, moved: boolean): Promise<void> {
  const site = siteFacts(payload);
  await upsertSiteReplica(tx, site);
  if (moved) {
    const children = await tx.$executeRawUnsafe(
      `UPDATE "Student" SET "regionCode" = $2, "cityCode" = $3, "updatedAt" = now() WHERE "siteId" = $1::uuid`,
      site.id,
      site.countyCode,
      site.cityCode,
    );
    // What others know of these children moves too, in the same transaction.
    if (children > 0) await appendStudentEventsAtSite(tx, StudentEventType.MOVED, site.id);
  }
}

const keep: EventHandler = (tx, event) => keepSite(tx, event.payload, false);

/** What people does with the sites subgraph's events. */
export const siteEventHandlers: Record<string, Record<number, EventHandler>> = {
  [SiteEventType.REGISTERED]: { [SITE_EVENT_VERSION]: keep },
  [SiteEventType.CHANGED]: { [SITE_EVENT_VERSION]: keep },
  [SiteEventType.STATUS_CHANGED]: { [SITE_EVENT_VERSION]: keep },
  [SiteEventType.MOVED]: { [SITE_EVENT_VERSION]: (tx, event) => keepSite(tx, event.payload, true) },
};
