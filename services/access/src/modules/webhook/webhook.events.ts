import {
  ACTIVITY_EVENT_VERSION,
  ActivityEventType,
  activityFacts,
  appendEvents,
  DONATION_EVENT_VERSION,
  type DomainEvent,
  DonationEventType,
  donationFacts,
  type EventHandlers,
  GRANT_EVENT_VERSION,
  GrantEventType,
  grantFacts,
  PROJECT_EVENT_VERSION,
  ProjectEventType,
  projectFacts,
  SITE_EVENT_VERSION,
  SiteEventType,
  type SqlClient,
  siteFacts,
  TRUSTED_OPERATION_EVENT_VERSION,
  type TrustedOperationDecision,
  TrustedOperationEventType,
} from "@lamplight/events";

/**
 * The events a partner may subscribe to, each with the key scope its organisation needs for it;
 * null for access's own events about the organisation, which it always may.
 */
export const WEBHOOK_EVENT_SCOPES: Readonly<Record<string, string | null>> = {
  [SiteEventType.REGISTERED]: "read:sites",
  [SiteEventType.CHANGED]: "read:sites",
  [SiteEventType.MOVED]: "read:sites",
  [SiteEventType.STATUS_CHANGED]: "read:sites",
  [ProjectEventType.REGISTERED]: "read:campaigns",
  [ProjectEventType.STATUS_CHANGED]: "read:campaigns",
  [ActivityEventType.PUBLISHED]: "read:campaigns",
  [GrantEventType.APPROVED]: "read:funding",
  // And only to the organisation that gave it (see webhookEventHandlers).
  [DonationEventType.RECEIVED]: "read:funding",
  [TrustedOperationEventType.APPROVED]: null,
  [TrustedOperationEventType.REJECTED]: null,
};

/** What a partner receives: the event's id, type and time, and the entity's public facts. */
export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * Who is sent an event: organisations holding a working key with a scope, one organisation, or one
 * organisation if it holds a working key with the scope.
 */
type Audience = { scope: string; organisationId?: string } | { organisationId: string };

/**
 * Queues one delivery of an event for every active subscription to its type in its audience, in
 * the transaction that applies (or writes) the event: an event is applied once, and the unique
 * (subscription, event) makes a second queueing a no-op too.
 */
async function queueDeliveries(
  tx: SqlClient,
  event: Pick<DomainEvent, "id" | "type" | "occurredAt">,
  data: Record<string, unknown>,
  audience: Audience,
) {
  const body: WebhookBody = {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    data,
  };
  const holdsScope = `EXISTS (
      SELECT 1 FROM "ApiKey" k
      WHERE k."organisationId" = s."organisationId" AND k."revokedAt" IS NULL
        AND (k."expiresAt" IS NULL OR k."expiresAt" > now()) AND $4 = ANY(k."scopes"))`;
  const entitled =
    "scope" in audience
      ? audience.organisationId
        ? `${holdsScope} AND s."organisationId" = $5::uuid`
        : holdsScope
      : `s."organisationId" = $4::uuid`;
  await tx.$executeRawUnsafe(
    `INSERT INTO "WebhookDelivery" ("id", "subscriptionId", "eventId", "eventType", "body")
     SELECT gen_random_uuid(), s."id", $1::uuid, $2, $3
     FROM "WebhookSubscription" s
     WHERE s."status" = 'ACTIVE' AND $2 = ANY(s."eventTypes") AND ${entitled}
     ON CONFLICT ("subscriptionId", "eventId") DO NOTHING`,
    event.id,
    event.type,
    JSON.stringify(body),
    ...("scope" in audience
      ? [audience.scope, ...(audience.organisationId ? [audience.organisationId] : [])]
      : [audience.organisationId]),
  );
}

const forEvery = (
  types: Record<string, string>,
  version: number,
  scope: string,
  data: (payload: unknown) => Record<string, unknown>,
) =>
  Object.fromEntries(
    Object.values(types).map((type) => [
      type,
      {
        [version]: (tx: SqlClient, event: DomainEvent) =>
          queueDeliveries(tx, event, data(event.payload), { scope }),
      },
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

/** An activity on the programme: where and when, none of its children or volunteers. */
function activityData(payload: unknown): Record<string, unknown> {
  return { ...activityFacts(payload) };
}

/** A grant's award: public, as the programme publishes where its money goes. */
function grantData(payload: unknown): Record<string, unknown> {
  return { ...grantFacts(payload) };
}

/**
 * A gift is the giver's business: sent to the organisation that made it only (an individual's gift
 * to nobody), and never with a person's name, which the event does not carry.
 */
async function queueDonationReceived(tx: SqlClient, event: DomainEvent): Promise<void> {
  const facts = donationFacts(event.payload);
  if (!facts.donorOrganisationId) return;
  await queueDeliveries(
    tx,
    event,
    { ...facts },
    {
      scope: "read:funding",
      organisationId: facts.donorOrganisationId,
    },
  );
}

/** The handlers that turn sites', campaigns' and funding's events into partners' webhook deliveries. */
export const webhookEventHandlers: EventHandlers = {
  sites: forEvery(SiteEventType, SITE_EVENT_VERSION, "read:sites", siteData),
  campaigns: {
    ...forEvery(ProjectEventType, PROJECT_EVENT_VERSION, "read:campaigns", projectData),
    ...forEvery(ActivityEventType, ACTIVITY_EVENT_VERSION, "read:campaigns", activityData),
  },
  funding: {
    ...forEvery(GrantEventType, GRANT_EVENT_VERSION, "read:funding", grantData),
    [DonationEventType.RECEIVED]: { [DONATION_EVENT_VERSION]: queueDonationReceived },
  },
};

/**
 * Publishes a province admin's decision on a proposed operation (trustedOperation.approved or
 * .rejected) and queues it for the organisation's subscriptions, in the deciding transaction.
 */
export async function announceTrustedOperationDecision(
  tx: SqlClient,
  decision: TrustedOperationDecision,
  decidedAt: Date,
): Promise<void> {
  const type =
    decision.status === "APPROVED" ? TrustedOperationEventType.APPROVED : TrustedOperationEventType.REJECTED;
  const [id] = await appendEvents(tx, [
    {
      type,
      version: TRUSTED_OPERATION_EVENT_VERSION,
      entity: "TrustedOperation",
      key: decision.id,
      payload: { ...decision },
    },
  ]);
  await queueDeliveries(
    tx,
    { id: id as string, type, occurredAt: decidedAt },
    { ...decision },
    {
      organisationId: decision.organisationId,
    },
  );
}
