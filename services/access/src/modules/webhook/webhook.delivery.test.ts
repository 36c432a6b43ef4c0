import { randomUUID } from "node:crypto";
import { type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { accessService } from "../../testing.js";
import { retryDelayMs } from "./webhook.delivery.js";
import { WebhookRepository } from "./webhook.repository.js";

describe("a failed delivery's next attempt", () => {
  it("waits twice as long each time, from the base up to 120 bases, within ±20 %", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 8, 20].map((attempt) => retryDelayMs(attempt, 30_000, middle))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(1, 30_000, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, 30_000, () => 0.999_999)).toBe(36_000);
  });
});

describe("claiming due deliveries", () => {
  let access: StartedSubgraph<PrismaClient>;
  let webhooks: WebhookRepository;

  beforeAll(async () => {
    // The server's own sender is kept out of the way: this test claims by hand.
    access = await startSubgraph(accessService, { settings: { webhookDelivery: { pollMs: 3_600_000 } } });
    webhooks = new WebhookRepository(access.database.client);
  });
  afterAll(() => access?.close());

  it("gives each due delivery of an active subscription to one claimer only, and none twice within the lease", async () => {
    const client = access.database.client;
    const subscription = await webhooks.createSubscription({
      organisationId: randomUUID(),
      url: "https://partner.example/hooks",
      eventTypes: ["site.statusChanged"],
      secret: "whsec_c2VjcmV0",
      createdBy: "test",
    });
    const paused = await webhooks.createSubscription({
      organisationId: randomUUID(),
      url: "https://partner.example/paused",
      eventTypes: ["site.statusChanged"],
      secret: "whsec_c2VjcmV0",
      createdBy: "test",
    });
    await webhooks.pause(paused.id, "Paused by test");
    const delivery = (subscriptionId: string) => ({
      subscriptionId,
      eventId: randomUUID(),
      eventType: "site.statusChanged",
      body: "{}",
    });
    await client.webhookDelivery.createMany({
      data: [
        ...Array.from({ length: 30 }, () => delivery(subscription.id)),
        delivery(paused.id),
        { ...delivery(subscription.id), nextAttemptAt: new Date(Date.now() + 3_600_000) },
      ],
    });
    const [first, second] = await Promise.all([webhooks.claimDue(20, 60_000), webhooks.claimDue(20, 60_000)]);
    const claimed = [...first!, ...second!].map((row) => row.id);
    expect(claimed).toHaveLength(30);
    expect(new Set(claimed).size).toBe(30);
    expect(first![0]).toMatchObject({
      url: "https://partner.example/hooks",
      secrets: ["whsec_c2VjcmV0"],
      attempts: 0,
    });
    expect(await webhooks.claimDue(20, 60_000)).toEqual([]);
  });
});
