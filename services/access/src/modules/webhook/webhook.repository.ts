import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { WebhookAttempt, WebhookDelivery, WebhookSubscription } from "./webhook.type.js";

/** A subscription as stored: with its signing secrets, which are never answered again. */
export type StoredWebhookSubscription = WebhookSubscription & {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
};

/** A delivery due now, claimed by one sender, with what sending it needs. */
export interface DueDelivery {
  id: string;
  subscriptionId: string;
  organisationId: string;
  url: string;
  /** The secrets to sign with: the current one, and a rotated-out one until its overlap ends. */
  secrets: string[];
  body: string;
  attempts: number;
  firstAttemptAt: Date;
}

/** How one attempt went. */
export interface AttemptOutcome {
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const NEWEST_FIRST = [
  { field: "createdAt", direction: "desc" },
  { field: "id", direction: "desc" },
] as const;

const LATEST_ATTEMPT_FIRST: readonly SqlOrderKey[] = [
  { field: "at", direction: "desc", type: "timestamptz" },
  { field: "id", direction: "desc", type: "uuid" },
];

/** The only code in this service that touches the webhook tables. */
export class WebhookRepository {
  constructor(private readonly prisma: PrismaClient) {}

  createSubscription(data: {
    organisationId: string;
    url: string;
    eventTypes: string[];
    secret: string;
    createdBy: string;
  }): Promise<StoredWebhookSubscription> {
    return this.prisma.webhookSubscription.create({ data });
  }

  listSubscriptions(
    organisationId: string | null,
    page: PageRequest,
  ): Promise<ConnectionResult<WebhookSubscription>> {
    return paginate<WebhookSubscription>(this.prisma.webhookSubscription, {
      where: organisationId ? { organisationId } : {},
      order: [...NEWEST_FIRST],
      page,
    });
  }

  /** The subscription with this id; null when there is none (or the id is not one). */
  findSubscription(id: string): Promise<StoredWebhookSubscription | null> {
    return this.prisma.webhookSubscription.findUnique({ where: { id } }).catch(() => null);
  }

  pause(id: string, reason: string, at = new Date()): Promise<StoredWebhookSubscription> {
    return this.prisma.webhookSubscription.update({
      where: { id },
      data: { status: "PAUSED", pausedAt: at, pausedReason: reason },
    });
  }

  /** Active again; its waiting deliveries are tried at once, with a new day to succeed in. */
  resume(id: string): Promise<StoredWebhookSubscription> {
    return this.prisma.$transaction(async (tx) => {
      const now = new Date();
      await tx.webhookDelivery.updateMany({
        where: { subscriptionId: id, status: "PENDING" },
        data: { nextAttemptAt: now, firstAttemptAt: now },
      });
      return tx.webhookSubscription.update({
        where: { id },
        data: { status: "ACTIVE", pausedAt: null, pausedReason: null },
      });
    });
  }

  /** A new secret; the old one keeps signing too until `previousSecretExpiresAt` (none when null). */
  setSecret(
    subscription: StoredWebhookSubscription,
    secret: string,
    previousSecretExpiresAt: Date | null,
  ): Promise<StoredWebhookSubscription> {
    return this.prisma.webhookSubscription.update({
      where: { id: subscription.id },
      data: {
        secret,
        previousSecret: previousSecretExpiresAt ? subscription.secret : null,
        previousSecretExpiresAt,
      },
    });
  }

  /** Deletes the subscription and its deliveries. */
  deleteSubscription(id: string): Promise<StoredWebhookSubscription> {
    return this.prisma.webhookSubscription.delete({ where: { id } });
  }

  listDeliveries(subscriptionId: string, page: PageRequest): Promise<ConnectionResult<WebhookDelivery>> {
    return paginate<WebhookDelivery>(this.prisma.webhookDelivery, {
      where: { subscriptionId },
      order: [...NEWEST_FIRST],
      page,
    });
  }

  /** The same page of the attempt log of each of many deliveries, in one query. */
  attemptPages(
    deliveryIds: readonly string[],
    page: PageRequest,
    countTotal: (deliveryId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<WebhookAttempt>>> {
    return pagesByParent<WebhookAttempt>(this.prisma, {
      from: "WebhookAttempt",
      parent: "deliveryId",
      order: LATEST_ATTEMPT_FIRST,
      parentIds: deliveryIds,
      page,
      countTotal,
    });
  }

  /** How many attempts each delivery's log holds: one grouped query. */
  async attemptCounts(deliveryIds: readonly string[]): Promise<Map<string, number>> {
    const valid = deliveryIds.filter(isUuid);
    const groups = valid.length
      ? await this.prisma.webhookAttempt.groupBy({
          by: ["deliveryId"],
          where: { deliveryId: { in: valid } },
          _count: { _all: true },
        })
      : [];
    return new Map(groups.map((group) => [group.deliveryId, group._count._all]));
  }

  findDelivery(id: string): Promise<WebhookDelivery | null> {
    return this.prisma.webhookDelivery.findUnique({ where: { id } }).catch(() => null);
  }

  /** Queued again, due now, with a new day to succeed in; its attempts so far stay counted. */
  requeue(id: string): Promise<WebhookDelivery> {
    const now = new Date();
    return this.prisma.webhookDelivery.update({
      where: { id },
      data: { status: "PENDING", nextAttemptAt: now, firstAttemptAt: now, deliveredAt: null },
    });
  }

  /**
   * Claims up to `limit` due deliveries of active subscriptions: `FOR UPDATE SKIP LOCKED` lets
   * replicas claim at once without taking the same row, and the claim moves `nextAttemptAt` past
   * `leaseMs`, so no other sender takes it while this one sends (or if this one dies mid-send).
   */
  claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    return this.prisma.$queryRawUnsafe<DueDelivery[]>(
      `WITH due AS (
         SELECT d."id" FROM "WebhookDelivery" d
         JOIN "WebhookSubscription" s ON s."id" = d."subscriptionId"
         WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= now() AND s."status" = 'ACTIVE'
         ORDER BY d."nextAttemptAt"
         LIMIT $1
         FOR UPDATE OF d SKIP LOCKED)
       UPDATE "WebhookDelivery" d
       SET "nextAttemptAt" = now() + make_interval(secs => $2::double precision / 1000)
       FROM due, "WebhookSubscription" s
       WHERE d."id" = due."id" AND s."id" = d."subscriptionId"
       RETURNING d."id", d."subscriptionId", s."organisationId", s."url",
         CASE WHEN s."previousSecretExpiresAt" > now() THEN ARRAY[s."secret", s."previousSecret"]
           ELSE ARRAY[s."secret"] END AS "secrets",
         d."body", d."attempts", d."firstAttemptAt"`,
      limit,
      leaseMs,
    );
  }

  // The outcomes are written with updateMany: a subscription deleted while its delivery was being
  // sent took the delivery with it, and there is nothing left to record.
  async recordDelivered(id: string, outcome: AttemptOutcome): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.webhookDelivery.updateMany({
        where: { id },
        data: {
          ...attempted(outcome),
          status: "DELIVERED",
          deliveredAt: outcome.at,
          nextAttemptAt: null,
        },
      }),
      this.logAttempt(id, outcome, true),
    ]);
  }

  async recordFailed(id: string, outcome: AttemptOutcome, nextAttemptAt: Date): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.webhookDelivery.updateMany({
        where: { id },
        data: { ...attempted(outcome), nextAttemptAt },
      }),
      this.logAttempt(id, outcome, false),
    ]);
  }

  /** The attempt's line in the delivery's log; none when the delivery is gone with its subscription. */
  private logAttempt(deliveryId: string, outcome: AttemptOutcome, delivered: boolean) {
    return this.prisma.$executeRaw`
      INSERT INTO "WebhookAttempt" ("id", "deliveryId", "at", "delivered", "statusCode", "error", "durationMs")
      SELECT gen_random_uuid(), d."id", ${outcome.at}, ${delivered}, ${outcome.statusCode}::int,
        ${outcome.error}::text, ${outcome.durationMs}::int
      FROM "WebhookDelivery" d WHERE d."id" = ${deliveryId}::uuid`;
  }

  /** The delivery is given up (FAILED) and its subscription paused with `reason`, together. */
  async giveUp(delivery: DueDelivery, outcome: AttemptOutcome, reason: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.webhookDelivery.update({
        where: { id: delivery.id },
        data: { ...attempted(outcome), status: "FAILED", nextAttemptAt: null },
      }),
      this.logAttempt(delivery.id, outcome, false),
      this.prisma.webhookSubscription.update({
        where: { id: delivery.subscriptionId },
        data: { status: "PAUSED", pausedAt: outcome.at, pausedReason: reason },
      }),
    ]);
  }
}

const attempted = (outcome: AttemptOutcome) => ({
  attempts: { increment: 1 },
  lastAttemptAt: outcome.at,
  lastStatusCode: outcome.statusCode,
  lastError: outcome.error,
  lastDurationMs: outcome.durationMs,
});
