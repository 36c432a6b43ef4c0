import { accessService } from "@lamplight/access/testing";
import { fundingService, seedFunds } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { announceOrganisations, bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

const PARTNER = "5b3d1f2e-8c4a-4d6b-9e7f-1a2b3c4d5e6f";
const OTHER_DONOR = "7c4e2a3f-9d5b-4e7c-8f9a-2b3c4d5e6f70";

let graph: StartedGraph;
let receiver: WebhookReceiver;

beforeAll(async () => {
  graph = await startGraph([fundingService, accessService]);
  await seedFunds(graph.subgraphs.funding!.database.client as never);
  // The organisations as people would announce them (people is not part of this graph).
  const organisations = [
    { id: PARTNER, name: "蜀光通信", kind: "ALLIANCE_COMPANY" },
    { id: OTHER_DONOR, name: "锦江公益", kind: "FOUNDATION" },
  ];
  await announceOrganisations(graph.subgraphs.access!, organisations);
  await announceOrganisations(graph.subgraphs.funding!, organisations);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await graph?.close();
  await receiver?.close();
});

const RECORD = `mutation($input: RecordDonationInput!) { recordDonation(input: $input) { id receiptNumber } }`;

describe("a partner's webhook for funding, in the composed graph", () => {
  it("receives the gift its organisation made, receipted, and no one else's", async () => {
    const admin = await bearerHeaders({ subject: "province-admin", roles: ["PROVINCE_ADMIN"] });
    const officer = await bearerHeaders({
      subject: "finance-1",
      roles: ["FINANCE_OFFICER"],
      region: "510000",
    });
    const partnerAdmin = await bearerHeaders({
      subject: "partner-admin",
      roles: ["PARTNER_ADMIN"],
      organisation: PARTNER,
    });
    const key = await graph.execute(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
      { input: { organisationId: PARTNER, name: "捐赠对账", scopes: ["read:funding"] } },
      admin,
    );
    expect(key.errors).toBeUndefined();
    const subscribed = await graph.execute(
      `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`,
      { input: { url: receiver.url("/gifts"), eventTypes: ["donation.received"] } },
      partnerAdmin,
    );
    expect(subscribed.errors).toBeUndefined();

    const gift = (idempotencyKey: string, donor: Record<string, unknown>) =>
      graph.execute(
        RECORD,
        {
          input: {
            idempotencyKey,
            ...donor,
            amount: { fen: 500_000, currency: "CNY" },
            receivedOn: "2026-03-10",
            channel: "BANK_TRANSFER",
            fundCode: "LOVE_FUND",
            designation: { purpose: "GENERAL" },
          },
        },
        officer,
      );
    const own = await gift("webhook-gift-own", { donorOrganisationId: PARTNER });
    expect(own.errors).toBeUndefined();
    expect((await gift("webhook-gift-other", { donorOrganisationId: OTHER_DONOR })).errors).toBeUndefined();
    expect((await gift("webhook-gift-person", { donorName: "张明" })).errors).toBeUndefined();
    await graph.settled();

    await receiver.waitForFirst();
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(1);
    const body = JSON.parse(receiver.received[0]!.body);
    expect(body).toMatchObject({
      type: "donation.received",
      data: {
        id: own.data?.recordDonation.id,
        fundCode: "LOVE_FUND",
        amount: "5000.00",
        currency: "CNY",
        receiptNumber: own.data?.recordDonation.receiptNumber,
        receivedAt: "2026-03-10",
        donorOrganisationId: PARTNER,
      },
    });
    expect(receiver.received[0]!.body).not.toContain("张明");
  });
});
