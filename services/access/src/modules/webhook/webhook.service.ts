import { BadUserInputError, ConflictError, NotFoundError, type Principal, Role } from "@lamplight/platform";
import { managesOrganisationKeys, partnerAdminOrganisation } from "../api-key/api-key.policy.js";
import type { ApiKeyRepository } from "../api-key/api-key.repository.js";
import { MAX_ROTATION_OVERLAP_HOURS } from "../api-key/api-key.service.js";
import { WEBHOOK_EVENT_SCOPES } from "./webhook.events.js";
import type { CreateWebhookSubscriptionInput } from "./webhook.inputs.js";
import type { StoredWebhookSubscription, WebhookRepository } from "./webhook.repository.js";
import { newWebhookSecret } from "./webhook.signature.js";
import type { WebhookDelivery, WebhookSubscription } from "./webhook.type.js";

/** Hosts a plain-http webhook may name outside production: a receiver on the developer's machine. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Subscriptions' commands: made for the event types the organisation's keys entitle it to. */
export class WebhookService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly apiKeys: ApiKeyRepository,
    /** In production every URL must be https; elsewhere http to this machine is allowed too. */
    private readonly production: boolean,
  ) {}

  async create(
    principal: Principal,
    input: CreateWebhookSubscriptionInput,
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const organisationId = principal.roles.includes(Role.PROVINCE_ADMIN)
      ? input.organisationId
      : partnerAdminOrganisation(principal);
    if (!organisationId) {
      throw new BadUserInputError("input.organisationId: name the partner organisation", {
        field: "input.organisationId",
      });
    }
    if (input.organisationId && input.organisationId !== organisationId) {
      throw new NotFoundError("Organisation", input.organisationId);
    }
    const url = this.checkedUrl(input.url);
    const eventTypes = [...new Set(input.eventTypes)].sort();
    const unknown = eventTypes.filter((type) => !(type in WEBHOOK_EVENT_SCOPES));
    if (unknown.length > 0) {
      throw new BadUserInputError(
        `input.eventTypes: unknown event type ${unknown.join(", ")}; use ${Object.keys(WEBHOOK_EVENT_SCOPES).join(", ")}`,
        { field: "input.eventTypes" },
      );
    }
    const scopes = new Set(await this.apiKeys.activeScopes(organisationId));
    const notEntitled = eventTypes.filter((type) => {
      const scope = WEBHOOK_EVENT_SCOPES[type];
      return scope !== null && !scopes.has(scope ?? "");
    });
    if (notEntitled.length > 0) {
      throw new BadUserInputError(
        `input.eventTypes: ${notEntitled.map((type) => `${type} needs ${WEBHOOK_EVENT_SCOPES[type]}`).join(", ")} on a working key of the organisation`,
        { field: "input.eventTypes" },
      );
    }
    const secret = newWebhookSecret();
    const subscription = await this.webhooks.createSubscription({
      organisationId,
      url,
      eventTypes,
      secret,
      createdBy: principal.subject ?? "unknown",
    });
    return { subscription: withoutSecret(subscription), secret };
  }

  async pause(principal: Principal, id: string): Promise<WebhookSubscription> {
    const subscription = await this.managed(principal, id);
    if (subscription.status === "PAUSED") return withoutSecret(subscription);
    return withoutSecret(await this.webhooks.pause(id, `Paused by ${principal.subject ?? "unknown"}`));
  }

  async resume(principal: Principal, id: string): Promise<WebhookSubscription> {
    const subscription = await this.managed(principal, id);
    if (subscription.status === "ACTIVE") return withoutSecret(subscription);
    return withoutSecret(await this.webhooks.resume(id));
  }

  /** A new secret; the old one signs deliveries too for `overlapHours` (0 to 720), then stops. */
  async rotateSecret(
    principal: Principal,
    id: string,
    overlapHours: number,
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    if (!Number.isFinite(overlapHours) || overlapHours < 0 || overlapHours > MAX_ROTATION_OVERLAP_HOURS) {
      throw new BadUserInputError(`overlapHours must be between 0 and ${MAX_ROTATION_OVERLAP_HOURS}`, {
        field: "overlapHours",
      });
    }
    const subscription = await this.managed(principal, id);
    const secret = newWebhookSecret();
    const overlapEnds = overlapHours > 0 ? new Date(Date.now() + overlapHours * 3_600_000) : null;
    return {
      subscription: withoutSecret(await this.webhooks.setSecret(subscription, secret, overlapEnds)),
      secret,
    };
  }

  async delete(principal: Principal, id: string): Promise<WebhookSubscription> {
    await this.managed(principal, id);
    return withoutSecret(await this.webhooks.deleteSubscription(id));
  }

  /** The subscription, if the principal manages its organisation (NOT_FOUND otherwise). */
  async requireSubscription(principal: Principal, id: string): Promise<WebhookSubscription> {
    return withoutSecret(await this.managed(principal, id));
  }

  /** Sends a delivery again, now, with the same webhook-id; a PENDING one is already on its way. */
  async replay(principal: Principal, id: string): Promise<WebhookDelivery> {
    const delivery = await this.webhooks.findDelivery(id);
    if (!delivery) throw new NotFoundError("WebhookDelivery", id);
    await this.managed(principal, delivery.subscriptionId, () => new NotFoundError("WebhookDelivery", id));
    if (delivery.status === "PENDING") {
      throw new ConflictError("This delivery is waiting for its next attempt already", { field: "id" });
    }
    return this.webhooks.requeue(id);
  }

  /** The subscription, if the principal manages its organisation; NOT_FOUND as if absent otherwise. */
  private async managed(
    principal: Principal,
    id: string,
    notFound = () => new NotFoundError("WebhookSubscription", id),
  ): Promise<StoredWebhookSubscription> {
    const subscription = await this.webhooks.findSubscription(id);
    if (!subscription || !managesOrganisationKeys(principal, subscription.organisationId)) throw notFound();
    return subscription;
  }

  private checkedUrl(text: string): string {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new BadUserInputError("input.url is not a URL", { field: "input.url" });
    }
    const local = url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname) && !this.production;
    if (url.protocol !== "https:" && !local) {
      throw new BadUserInputError(
        this.production
          ? "input.url must be https"
          : "input.url must be https (or http to localhost, outside production)",
        { field: "input.url" },
      );
    }
    if (url.username || url.password) {
      throw new BadUserInputError("input.url must not carry credentials", { field: "input.url" });
    }
    return url.toString();
  }
}

function withoutSecret({
  secret: _secret,
  previousSecret: _previousSecret,
  ...subscription
}: StoredWebhookSubscription): WebhookSubscription {
  return subscription;
}
