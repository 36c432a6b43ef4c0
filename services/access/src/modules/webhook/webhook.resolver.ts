import { Role } from "@lamplight/platform";
import { Allow, Connection, type ConnectionResult, PageArgs, pageRequest } from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AccessServiceContext } from "../../context.js";
import { partnerAdminOrganisation } from "../api-key/api-key.policy.js";
import { CreateWebhookSubscriptionInput } from "./webhook.inputs.js";
import { attemptPageLoader } from "./webhook.loader.js";
import {
  WebhookAttempt,
  WebhookDelivery,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from "./webhook.type.js";

export const WebhookSubscriptionConnection = Connection(WebhookSubscription);
export const WebhookDeliveryConnection = Connection(WebhookDelivery);
export const WebhookAttemptConnection = Connection(WebhookAttempt);

/** Partner admins manage their organisation's webhooks; province admins any organisation's. */
@Resolver(() => WebhookSubscription)
export class WebhookResolver {
  @Mutation(() => WebhookSubscriptionWithSecret, {
    description:
      "Subscribes a partner organisation's URL to event types its keys' scopes entitle it to. The signing secret is shown only in this answer.",
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  async createWebhookSubscription(
    @Arg("input", () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
    @Ctx() context: AccessServiceContext,
  ): Promise<WebhookSubscriptionWithSecret> {
    if (input.organisationId) {
      await context.knownOrganisations.require(input.organisationId, "input.organisationId");
    }
    return context.webhookService.create(context.principal, input);
  }

  @Query(() => WebhookSubscriptionConnection, {
    description:
      "Webhook subscriptions, newest first: a partner admin's organisation's; for a province admin, one organisation's when given, else all.",
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  webhookSubscriptions(
    @Arg("organisationId", () => ID, { nullable: true }) organisationId: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<ConnectionResult<WebhookSubscription>> {
    const organisation = context.principal.roles.includes(Role.PROVINCE_ADMIN)
      ? organisationId
      : partnerAdminOrganisation(context.principal);
    return context.webhooks.listSubscriptions(organisation, pageRequest(page));
  }

  @Mutation(() => WebhookSubscription, {
    description: "Stops sending events to the subscription until resumed.",
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  pauseWebhookSubscription(
    @Arg("id", () => ID) id: string,
    @Ctx() context: AccessServiceContext,
  ): Promise<WebhookSubscription> {
    return context.webhookService.pause(context.principal, id);
  }

  @Mutation(() => WebhookSubscription, {
    description:
      "Sends events to the subscription again; deliveries that waited while it was paused are tried at once. Events of the pause are not sent.",
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  resumeWebhookSubscription(
    @Arg("id", () => ID) id: string,
    @Ctx() context: AccessServiceContext,
  ): Promise<WebhookSubscription> {
    return context.webhookService.resume(context.principal, id);
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description:
      "Gives the subscription a new signing secret, shown only in this answer. For overlapHours (0 to 720, fractions allowed) deliveries carry a signature by the old secret too, so the receiver can switch at any time within it; then only the new one signs.",
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  rotateWebhookSecret(
    @Arg("id", () => ID) id: string,
    @Arg("overlapHours", () => Float, { defaultValue: 0 }) overlapHours: number,
    @Ctx() context: AccessServiceContext,
  ): Promise<WebhookSubscriptionWithSecret> {
    return context.webhookService.rotateSecret(context.principal, id, overlapHours);
  }

  @Mutation(() => WebhookSubscription, { description: "Deletes the subscription and its delivery log." })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  deleteWebhookSubscription(
    @Arg("id", () => ID) id: string,
    @Ctx() context: AccessServiceContext,
  ): Promise<WebhookSubscription> {
    return context.webhookService.delete(context.principal, id);
  }

  @Query(() => WebhookDeliveryConnection, { description: "A subscription's deliveries, newest first." })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  async webhookDeliveries(
    @Arg("subscriptionId", () => ID) subscriptionId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<ConnectionResult<WebhookDelivery>> {
    await context.webhookService.requireSubscription(context.principal, subscriptionId);
    return context.webhooks.listDeliveries(subscriptionId, pageRequest(page));
  }

  @Mutation(() => WebhookDelivery, {
    description: "Sends a delivered or failed delivery again, now, with the same webhook-id.",
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  replayWebhookDelivery(
    @Arg("id", () => ID) id: string,
    @Ctx() context: AccessServiceContext,
  ): Promise<WebhookDelivery> {
    return context.webhookService.replay(context.principal, id);
  }
}

/** A delivery's log: reached only through webhookDeliveries, which checks who may read it. */
@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => WebhookAttemptConnection, { description: "Every attempt to send it, latest first." })
  attemptLog(
    @Root() delivery: WebhookDelivery,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<ConnectionResult<WebhookAttempt>> {
    return attemptPageLoader(context, pageRequest(page)).load(delivery.id);
  }
}
