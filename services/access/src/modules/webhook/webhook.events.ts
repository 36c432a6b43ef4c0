import {
  type DomainEvent,
  type EventHandlers,
  PROJECT_EVENT_VERSION,
  ProjectEventType,
  projectFacts,
  SITE_EVENT_VERSION,
  SiteEventType,
  type SqlClient,
  siteFacts,
} from "@lamplight/events";

/** The events a partner may subscribe to, each with the key scope its organisation needs for it. */
export const WEBHOOK_EVENT_SCOPES: Readonly<Record<string, string>> = {
  [SiteEventType.REGISTERED]: "read:sites",
  [SiteEventType.CHANGED]: "read:sites",
  [SiteEventType.MOVED]: "read:sites",
  [SiteEventType.STATUS_CHANGED]: "read:sites",
  [ProjectEventType.REGISTERED]: "read:campaigns",
  [ProjectEventType.STATUS_CHANGED]: "read:campaigns",
};

/** What a partner receives: the event's id, type and time, and the entity's public facts. */
export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * Queues one delivery of `event` for every active subscription to its type whose organisation
 * still holds a working key with the scope the type needs, in the consumer's transaction: the
 * consumer applies an event once, and the unique (subscription, event) makes a second queueing
 * a no-op too.
 */
async function queueDeliveries(tx: SqlClient, event: DomainEvent, data: Record<string, unknown>) {
  const body: WebhookBody = {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    data,
  };
  await tx.$executeRawUnsafe(
    `INSERT INTO "WebhookDelivery" ("id", "subscriptionId", "eventId", "eventType", "body")
     SELECT gen_random_uuid(), s."id", $1::uuid, $2, $3
     FROM "WebhookSubscription" s
     WHERE s."status" = 'ACTIVE' AND $2 = ANY(s."eventTypes")
       AND EXISTS (
         SELECT 1 FROM "ApiKey" k
         WHERE k."organisationId" = s."organisationId" AND k."revokedAt" IS NULL
           AND (k."expiresAt" IS NULL OR k."expiresAt" > now()) AND $4 = ANY(k."scopes"))
     ON CONFLICT ("subscriptionId", "eventId") DO NOTHING`,
    event.id,
    event.type,
    JSON.stringify(body),
    WEBHOOK_EVENT_SCOPES[event.type],
  );
}

const forEvery = (
  types: Record<string, string>,
  version: number,
  data: (payload: unknown) => Record<string, unknown>,
) =>
  Object.fromEntries(
    Object.values(types).map((type) => [
      type,
      { [version]: (tx: SqlClient, event: DomainEvent) => queueDeliveries(tx, event, data(event.payload)) },
    ]),
  );

/** A site's public facts: no person is named in them. */
function siteData(payload: unknown): Record<string, unknown> {
  const { id, name, kind, countyCode, cityCode, status } = siteFacts(payload);
  return { id, name, kind, countyCode, cityCode, status };
}

function projectData(payload: unknown): Record<string, unknown> {
  const { id, code, name, status } = projectFacts(payload);
  return { id, code, name, status };
}

/** The handlers that turn sites' and campaigns' events into partners' webhook deliveries. */
export const webhookEventHandlers: EventHandlers = {
  sites: forEvery(SiteEventType, SITE_EVENT_VERSION, siteData),
  campaigns: forEvery(ProjectEventType, PROJECT_EVENT_VERSION, projectData),
};
