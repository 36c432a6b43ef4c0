import { createHmac } from "node:crypto";
import { accessService } from "@lamplight/access/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { announceOrganisations, bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

const ORGANISATION = "6a4e2c1b-9d3f-4e8a-b7c5-2f1d0e9a8b76";

let graph: StartedGraph;
let receiver: WebhookReceiver;

beforeAll(async () => {
  graph = await startGraph([sitesService, accessService]);
  // The organisation as people would announce it (people is not part of this graph).
  await announceOrganisations(graph.subgraphs.access!, [
    { id: ORGANISATION, name: "四川日报", kind: "MEDIA" },
  ]);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await graph?.close();
  await receiver?.close();
});

describe("a partner's webhook, in the composed graph", () => {
  it("receives a home's closing from sites' events, signed with its subscription's secret", async () => {
    const admin = await bearerHeaders({ subject: "province-admin", roles: ["PROVINCE_ADMIN"] });
    const partnerAdmin = await bearerHeaders({
      subject: "partner-admin",
      roles: ["PARTNER_ADMIN"],
      organisation: ORGANISATION,
    });
    const key = await graph.execute(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
      { input: { organisationId: ORGANISATION, name: "新闻线索", scopes: ["read:sites"] } },
      admin,
    );
    expect(key.errors).toBeUndefined();
    const subscribed = await graph.execute(
      `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`,
      { input: { url: receiver.url("/lamplight"), eventTypes: ["site.statusChanged"] } },
      partnerAdmin,
    );
    expect(subscribed.errors).toBeUndefined();
    const secret = subscribed.data?.createWebhookSubscription.secret as string;

    const created = await graph.execute(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      {
        input: {
          name: "绵阳涪城留守学生之家",
          regionCode: "510703",
          address: "四川省绵阳市",
          hostModel: "SCHOOL",
          capacity: 40,
          status: "OPEN",
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const siteId = created.data?.createSite.id as string;
    const closed = await graph.execute(
      `mutation($id: ID!) { transitionSite(id: $id, input: { to: CLOSED, reason: "校舍合并" }) { status } }`,
      { id: siteId },
      admin,
    );
    expect(closed.errors).toBeUndefined();
    await graph.settled();

    await receiver.waitForFirst();
    // The site's registration was not subscribed to: only its closing arrives.
    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received as [WebhookReceiver["received"][number]];
    const key64 = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key64)
      .update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`)
      .digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(JSON.parse(body)).toMatchObject({
      type: "site.statusChanged",
      data: { id: siteId, kind: "HOME", countyCode: "510703", cityCode: "510700", status: "CLOSED" },
    });

    const log = await graph.execute(
      `{ webhookSubscriptions(first: 1) { edges { node { id } } } }`,
      {},
      partnerAdmin,
    );
    const subscriptionId = log.data?.webhookSubscriptions.edges[0].node.id as string;
    const deliveries = await graph.execute(
      `query($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 5) { edges { node { id status attempts lastStatusCode } } } }`,
      { id: subscriptionId },
      partnerAdmin,
    );
    expect(deliveries.data?.webhookDeliveries.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { id: headers["webhook-id"], status: "DELIVERED", attempts: 1, lastStatusCode: 200 },
    ]);
  });
});
