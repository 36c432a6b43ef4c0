import { ListBound } from "@lamplight/subgraph-kit";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { WebhookDeliveryStatus, WebhookSubscriptionStatus } from "../../generated/prisma/enums.js";
import { WEBHOOK_EVENT_SCOPES } from "./webhook.events.js";

export { WebhookDeliveryStatus, WebhookSubscriptionStatus };

registerEnumType(WebhookSubscriptionStatus, {
  name: "WebhookSubscriptionStatus",
  description: "ACTIVE: sent its events; PAUSED: sent nothing until resumed (pausedReason says why).",
});

registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description:
    "PENDING: waiting for its next attempt; DELIVERED: answered with a 2xx; FAILED: given up after a day of failed attempts.",
});

@ObjectType({
  description: "A partner organisation's webhook. Its secret is shown only when made or rotated.",
})
export class WebhookSubscription {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => String)
  url!: string;

  @ListBound(Object.keys(WEBHOOK_EVENT_SCOPES).length)
  @Field(() => [String])
  eventTypes!: string[];

  @Field(() => WebhookSubscriptionStatus)
  status!: WebhookSubscriptionStatus;

  @Field(() => Date, { nullable: true })
  pausedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Why it is paused: by whom, or that its deliveries failed for a day.",
  })
  pausedReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String)
  createdBy!: string;
}

@ObjectType({
  description: "A subscription and its signing secret: store the secret now, it is shown only this once.",
})
export class WebhookSubscriptionWithSecret {
  @Field(() => WebhookSubscription)
  subscription!: WebhookSubscription;

  @Field(() => String, { description: "`whsec_` and the base64 of the signing key (Standard Webhooks)." })
  secret!: string;
}

@ObjectType({ description: "One event sent to one subscription, and how its attempts went." })
export class WebhookDelivery {
  @Field(() => ID, { description: "The webhook-id header of every attempt." })
  id!: string;

  @Field(() => ID)
  subscriptionId!: string;

  @Field(() => ID, { description: "The event's id (the body's id)." })
  eventId!: string;

  @Field(() => String)
  eventType!: string;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Int, { description: "Attempts made so far." })
  attempts!: number;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The HTTP status of the last attempt, if one answered." })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed." })
  lastError!: string | null;

  @Field(() => Int, { nullable: true, description: "How long the last attempt took, in milliseconds." })
  lastDurationMs!: number | null;

  @Field(() => Date, { nullable: true, description: "When it is tried next, while PENDING." })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;
}

@ObjectType({ description: "One attempt to send a delivery, as it went." })
export class WebhookAttempt {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  deliveryId!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => Boolean, { description: "Whether the receiver answered with a 2xx in time." })
  delivered!: boolean;

  @Field(() => Int, { nullable: true, description: "The HTTP status, if the receiver answered." })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: "Why the attempt failed." })
  error!: string | null;

  @Field(() => Int, { description: "How long it took, in milliseconds." })
  durationMs!: number;
}
