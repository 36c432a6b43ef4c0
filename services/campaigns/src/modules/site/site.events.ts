import { type EventHandler, SITE_EVENT_VERSION, SiteEventType, siteFacts } from "@lamplight/events";

/**
 * Keeps a home's county, city, name and status as sites says them. A home that moves county is
 * scoped by its new county from then on: every region check of an activity at it reads this row.
 */
const keepHome: EventHandler = async (tx, event) => {
  const site = siteFacts(event.payload);
  await tx.$executeRawUnsafe(
    `INSERT INTO "Home" ("siteId", "regionCode", "cityCode", "name", "kind", "status")
     VALUES ($1::uuid, $2, $3, $4, $5, $6)
     ON CONFLICT ("siteId") DO UPDATE SET "regionCode" = EXCLUDED."regionCode", "cityCode" = EXCLUDED."cityCode",
       "name" = EXCLUDED."name", "kind" = EXCLUDED."kind", "status" = EXCLUDED."status"`,
    site.id,
    site.countyCode,
    site.cityCode,
    site.name,
    site.kind,
    site.status,
  );
};

/** What campaigns does with the sites subgraph's events. */
export const siteEventHandlers: Record<string, Record<number, EventHandler>> = Object.fromEntries(
  Object.values(SiteEventType).map((type) => [type, { [SITE_EVENT_VERSION]: keepHome }]),
);
