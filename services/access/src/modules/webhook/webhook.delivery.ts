import type { Logger } from "@lamplight/platform";
import type { AuditWriter, BackgroundTask } from "@lamplight/subgraph-kit";
import type { AttemptOutcome, DueDelivery, WebhookRepository } from "./webhook.repository.js";
import { webhookSignature } from "./webhook.signature.js";

export interface WebhookDeliverySettings {
  /** The first retry's delay; each next one doubles, up to 120 times this (an hour at 30 s). */
  retryBaseMs: number;
  /** How long a delivery is retried before it fails and its subscription is paused. */
  giveUpAfterMs: number;
  /** How often the sender looks for due deliveries. */
  pollMs: number;
  /** How long a receiver has to answer one attempt. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDeliverySettings = {
  retryBaseMs: 30_000,
  giveUpAfterMs: 24 * 3_600_000,
  pollMs: 1_000,
  timeoutMs: 10_000,
};

/** Deliveries sent at once by one sender. */
const BATCH = 20;
/** The longest backoff, in retry bases. */
const MAX_BACKOFF_BASES = 120;

/** The delay before retry `attempt` (1 for the first): doubling, capped, with ±20 % jitter. */
export function retryDelayMs(attempt: number, retryBaseMs: number, random = Math.random): number {
  const delay = Math.min(retryBaseMs * 2 ** (attempt - 1), retryBaseMs * MAX_BACKOFF_BASES);
  return Math.round(delay * (0.8 + 0.4 * random()));
}

/**
 * Sends the due webhook deliveries, signed per Standard Webhooks, and records each attempt: a 2xx
 * delivers; any other answer, an error or a timeout is retried with backoff until `giveUpAfterMs`
 * has passed since the first attempt, when the delivery fails and its subscription is paused (and
 * the pause audited).
 */
export class WebhookSender implements BackgroundTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly auditLog: AuditWriter,
    private readonly logger: Logger,
    private readonly settings: WebhookDeliverySettings = DEFAULT_WEBHOOK_DELIVERY,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends every delivery due now, batch after batch; the number sent. */
  async sendDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await this.webhooks.claimDue(BATCH, this.settings.timeoutMs + 30_000);
      // One delivery that cannot be recorded does not hold up the others: it is tried again once
      // its lease ends.
      await Promise.all(
        due.map((delivery) =>
          this.send(delivery).catch((error: unknown) =>
            this.logger.error(
              { err: error, deliveryId: delivery.id },
              "a webhook delivery could not be recorded",
            ),
          ),
        ),
      );
      sent += due.length;
      if (due.length < BATCH || this.stopped) return sent;
    }
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sendDue()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ err: error }, "webhook deliveries could not be sent"))
        .finally(() => this.schedule());
    }, this.settings.pollMs);
  }

  private async send(delivery: DueDelivery): Promise<void> {
    const outcome = await this.attempt(delivery);
    if (outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300) {
      await this.webhooks.recordDelivered(delivery.id, outcome);
      return;
    }
    const failingSince = outcome.at.getTime() - new Date(delivery.firstAttemptAt).getTime();
    if (failingSince < this.settings.giveUpAfterMs) {
      const delay = retryDelayMs(delivery.attempts + 1, this.settings.retryBaseMs);
      await this.webhooks.recordFailed(delivery.id, outcome, new Date(outcome.at.getTime() + delay));
      return;
    }
    const reason = `Deliveries failed since ${new Date(delivery.firstAttemptAt).toISOString()}: ${
      outcome.error ?? `HTTP ${outcome.statusCode}`
    }. Resume the subscription once the receiver answers again.`;
    await this.webhooks.giveUp(delivery, outcome, reason);
    await this.auditLog.write([
      {
        at: outcome.at,
        requestId: `webhook-delivery-${delivery.id}`,
        actorKind: "service",
        actorId: "access",
        actorRoles: [],
        action: "MUTATION",
        operation: "pauseWebhookSubscription",
        entity: "WebhookSubscription",
        entityId: delivery.subscriptionId,
        fields: ["status", "pausedAt", "pausedReason"],
        outcome: "OK",
      },
    ]);
    this.logger.warn(
      { subscriptionId: delivery.subscriptionId, organisationId: delivery.organisationId },
      "webhook subscription paused after a day of failed deliveries",
    );
  }

  private async attempt(delivery: DueDelivery): Promise<AttemptOutcome> {
    const at = new Date();
    const timestamp = Math.floor(at.getTime() / 1000);
    const started = performance.now();
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-id": delivery.id,
          "webhook-timestamp": String(timestamp),
          // Space-separated, one per secret: during a rotation's overlap the receiver may hold either.
          "webhook-signature": delivery.secrets
            .map((secret) => webhookSignature(secret, delivery.id, timestamp, delivery.body))
            .join(" "),
        },
        body: delivery.body,
        redirect: "manual",
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // The answer's body is not read: only its status counts.
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return {
        at,
        statusCode: response.status,
        error: ok ? null : `HTTP ${response.status}`,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      return {
        at,
        statusCode: null,
        error: timedOut
          ? `No answer within ${this.settings.timeoutMs} ms`
          : String((error as { cause?: unknown }).cause ?? error),
        durationMs: Math.round(performance.now() - started),
      };
    }
  }
}
