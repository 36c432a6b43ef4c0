import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ACTIVITY_EVENT_VERSION,
  ActivityEventType,
  DONATION_EVENT_VERSION,
  DonationEventType,
  GRANT_EVENT_VERSION,
  GrantEventType,
  ProjectEventType,
  SiteEventType,
  TrustedOperationEventType,
} from "@lamplight/events";
import { ANONYMOUS, Role } from "@lamplight/platform";
import {
  announceOrganisations,
  announceSites,
  deliverEvents,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { accessService } from "../../testing.js";
import { WebhookService } from "./webhook.service.js";

const ORG = "3c8a1d2e-5f6b-4a7c-8d9e-0f1a2b3c4d5e";
const OTHER_ORG = "9b2c3d4e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
const COUNTY = "510104";

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id status eventTypes organisationId } } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 10) {
  edges { node { id eventId eventType status attempts lastStatusCode lastError lastDurationMs nextAttemptAt deliveredAt } } } }`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A partner's receiver: records what reaches each path and answers with `status(path)`. */
class Receiver {
  readonly received = new Map<string, Received[]>();
  status: (path: string) => number = () => 204;
  private server: Server | undefined;

  async listen(port = 0): Promise<number> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const path = request.url ?? "/";
        this.received.set(path, [
          ...(this.received.get(path) ?? []),
          { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") },
        ]);
        response.statusCode = this.status(path);
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    return (this.server.address() as AddressInfo).port;
  }

  at(path: string): Received[] {
    return this.received.get(path) ?? [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** The receiver's check, written from the Standard Webhooks specification alone. */
function signatureIsValid(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`;
  const expected = createHmac("sha256", key).update(signed).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((entry) => {
      const [version, signature] = entry.split(",");
      const given = Buffer.from(signature ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there after ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let access: StartedSubgraph<PrismaClient>;
let receiver: Receiver;
let receiverPort: number;
let admin: Record<string, string>;
let partnerAdmin: Record<string, string>;
let otherPartnerAdmin: Record<string, string>;

beforeAll(async () => {
  access = await startSubgraph(accessService, {
    settings: {
      webhookDelivery: { retryBaseMs: 20, giveUpAfterMs: 1_500, pollMs: 10, timeoutMs: 2_000 },
    },
  });
  await announceOrganisations(access, [
    { id: ORG, name: "蜀光通信", kind: "ALLIANCE_COMPANY" },
    { id: OTHER_ORG, name: "锦江公益", kind: "FOUNDATION" },
  ]);
  admin = await identityHeaders({ subject: "admin-1", roles: ["PROVINCE_ADMIN"] });
  partnerAdmin = await identityHeaders({ subject: "pa-1", roles: ["PARTNER_ADMIN"], organisationId: ORG });
  otherPartnerAdmin = await identityHeaders({
    subject: "pa-2",
    roles: ["PARTNER_ADMIN"],
    organisationId: OTHER_ORG,
  });
  const key = await access.execute(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
    { input: { organisationId: ORG, name: "报表系统", scopes: ["read:sites"] } },
    admin,
  );
  expect(key.errors).toBeUndefined();
  receiver = new Receiver();
  receiverPort = await receiver.listen();
});
afterAll(async () => {
  await access?.close();
  await receiver?.close();
});

async function subscribe(url: string, eventTypes: string[] = [SiteEventType.STATUS_CHANGED]) {
  const { data, errors } = await access.execute(CREATE, { input: { url, eventTypes } }, partnerAdmin);
  expect(errors).toBeUndefined();
  return data?.createWebhookSubscription as { secret: string; subscription: { id: string; status: string } };
}

function deliveries(subscriptionId: string) {
  return access.execute(DELIVERIES, { id: subscriptionId }, partnerAdmin).then(({ data, errors }) => {
    expect(errors).toBeUndefined();
    return ((data?.webhookDeliveries.edges ?? []) as Array<{ node: Record<string, unknown> }>).map(
      (edge) => edge.node,
    );
  });
}

const closeHome = (id = randomUUID()) =>
  announceSites(access, [{ id, countyCode: COUNTY, status: "CLOSED" }], SiteEventType.STATUS_CHANGED);

describe("a webhook subscription", () => {
  it("receives a home's closing once, signed, with the site's public facts only", async () => {
    const path = "/hooks/closing";
    const { secret, subscription } = await subscribe(`http://127.0.0.1:${receiverPort}${path}`);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(subscription.status).toBe("ACTIVE");
    const home = randomUUID();
    await closeHome(home);
    const [request] = await until(
      () => receiver.at(path),
      (received) => received.length > 0,
    );
    expect(signatureIsValid(secret, request!.headers, request!.body)).toBe(true);
    expect(signatureIsValid(secret.replace(/.$/, "A"), request!.headers, `${request!.body} `)).toBe(false);
    expect(Math.abs(Number(request!.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({ type: SiteEventType.STATUS_CHANGED, id: expect.any(String) });
    expect(Number.isNaN(Date.parse(body.occurredAt))).toBe(false);
    expect(body.data).toEqual({
      id: home,
      name: "测试留守学生之家",
      kind: "HOME",
      countyCode: COUNTY,
      cityCode: "510100",
      status: "CLOSED",
    });
    const [delivery] = await until(
      () => deliveries(subscription.id),
      (list) => list[0]?.status === "DELIVERED",
    );
    expect(delivery).toMatchObject({
      id: request!.headers["webhook-id"],
      eventId: body.id,
      attempts: 1,
      lastStatusCode: 204,
      lastError: null,
      nextAttemptAt: null,
    });
    // Not sent twice, and not for an event type it did not ask for.
    await announceSites(access, [{ id: home, countyCode: COUNTY }], SiteEventType.CHANGED);
    await sleep(200);
    expect(receiver.at(path)).toHaveLength(1);
  });

  it("is sent again with the same webhook-id when a delivery is replayed", async () => {
    const path = "/hooks/replay";
    const { subscription } = await subscribe(`http://127.0.0.1:${receiverPort}${path}`);
    await closeHome();
    await until(
      () => receiver.at(path),
      (received) => received.length === 1,
    );
    const [delivery] = await until(
      () => deliveries(subscription.id),
      (list) => list[0]?.status === "DELIVERED",
    );
    const replayed = await access.execute(
      `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }`,
      { id: delivery!.id },
      partnerAdmin,
    );
    expect(replayed.data?.replayWebhookDelivery).toEqual({ id: delivery!.id, status: "PENDING" });
    const [first, second] = await until(
      () => receiver.at(path),
      (received) => received.length === 2,
    );
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(second!.body).toBe(first!.body);
    // Another organisation's admin learns nothing of it.
    const foreign = await access.execute(
      `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }`,
      { id: delivery!.id },
      otherPartnerAdmin,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("gets a delivery once its receiver is back, after failed attempts (503, then a closed port)", async () => {
    const path = "/hooks/flaky";
    let refusals = 2;
    receiver.status = (requested) => (requested === path && refusals-- > 0 ? 503 : 204);
    const { subscription } = await subscribe(`http://127.0.0.1:${receiverPort}${path}`);
    await closeHome();
    const [delivered] = await until(
      () => deliveries(subscription.id),
      (list) => list[0]?.status === "DELIVERED",
    );
    expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 204, lastError: null });
    expect(receiver.at(path)).toHaveLength(3);
    expect(new Set(receiver.at(path).map((request) => request.headers["webhook-id"])).size).toBe(1);
    receiver.status = () => 204;

    // The delivery's log has every attempt, latest first: the two refusals, then the success.
    const log = await access.execute(
      `query($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 1) { edges { node {
        attemptLog(first: 10) { totalCount edges { node { delivered statusCode error durationMs at } } } } } } }`,
      { id: subscription.id },
      partnerAdmin,
    );
    expect(log.errors).toBeUndefined();
    const attemptLog = log.data?.webhookDeliveries.edges[0].node.attemptLog;
    expect(attemptLog.totalCount).toBe(3);
    expect(
      attemptLog.edges.map((edge: { node: { delivered: boolean; statusCode: number } }) => edge.node),
    ).toEqual([
      expect.objectContaining({ delivered: true, statusCode: 204 }),
      expect.objectContaining({ delivered: false, statusCode: 503 }),
      expect.objectContaining({ delivered: false, statusCode: 503 }),
    ]);

    // A receiver that is not listening at all, then is.
    const later = new Receiver();
    const port = await later.listen();
    await later.close();
    const down = await subscribe(`http://127.0.0.1:${port}/hooks/down`);
    await closeHome();
    const [failing] = await until(
      () => deliveries(down.subscription.id),
      (list) => Number(list[0]?.attempts) >= 2,
    );
    expect(failing).toMatchObject({ status: "PENDING", lastStatusCode: null });
    expect(failing!.lastError).toEqual(expect.any(String));
    expect(failing!.nextAttemptAt).toEqual(expect.any(String));
    await later.listen(port);
    try {
      await until(
        () => later.at("/hooks/down"),
        (received) => received.length === 1,
      );
      const [done] = await until(
        () => deliveries(down.subscription.id),
        (list) => list[0]?.status === "DELIVERED",
      );
      expect(Number(done!.attempts)).toBeGreaterThanOrEqual(3);
    } finally {
      await later.close();
    }
  });

  it("is paused, with its reason and an audit entry, when its deliveries fail for the give-up time", async () => {
    const path = "/hooks/broken";
    receiver.status = (requested) => (requested === path ? 500 : 204);
    const { subscription } = await subscribe(`http://127.0.0.1:${receiverPort}${path}`);
    await closeHome();
    const [failed] = await until(
      () => deliveries(subscription.id),
      (list) => list[0]?.status === "FAILED",
    );
    expect(failed).toMatchObject({ lastStatusCode: 500, nextAttemptAt: null });
    const listed = await access.execute(
      `{ webhookSubscriptions(first: 50) { edges { node { id status pausedAt pausedReason } } } }`,
      {},
      partnerAdmin,
    );
    const paused = listed.data?.webhookSubscriptions.edges
      .map((edge: { node: Record<string, unknown> }) => edge.node)
      .find((node: { id: string }) => node.id === subscription.id);
    expect(paused).toMatchObject({ status: "PAUSED", pausedAt: expect.any(String) });
    expect(paused.pausedReason).toMatch(/^Deliveries failed since .*HTTP 500/);
    const audit = await access.database.client.auditEntry.findMany({
      where: { entityId: subscription.id, operation: "pauseWebhookSubscription" },
    });
    expect(audit).toEqual([expect.objectContaining({ actorKind: "service", actorId: "access" })]);
    receiver.status = () => 204;
  });

  it("gets nothing while paused by its admin, and the events of the pause never", async () => {
    const path = "/hooks/paused";
    const { subscription } = await subscribe(`http://127.0.0.1:${receiverPort}${path}`);
    const paused = await access.execute(
      `mutation($id: ID!) { pauseWebhookSubscription(id: $id) { status pausedReason } }`,
      { id: subscription.id },
      partnerAdmin,
    );
    expect(paused.data?.pauseWebhookSubscription).toEqual({
      status: "PAUSED",
      pausedReason: "Paused by pa-1",
    });
    await closeHome();
    await sleep(200);
    expect(receiver.at(path)).toEqual([]);
    expect(await deliveries(subscription.id)).toEqual([]);
    const resumed = await access.execute(
      `mutation($id: ID!) { resumeWebhookSubscription(id: $id) { status pausedAt } }`,
      { id: subscription.id },
      partnerAdmin,
    );
    expect(resumed.data?.resumeWebhookSubscription).toEqual({ status: "ACTIVE", pausedAt: null });
    await closeHome();
    await until(
      () => receiver.at(path),
      (received) => received.length === 1,
    );
  });

  it("rotates its secret: later deliveries are signed with the new one (and the old one during an overlap)", async () => {
    const path = "/hooks/rotated";
    const { subscription, secret: old } = await subscribe(`http://127.0.0.1:${receiverPort}${path}`);
    const rotated = await access.execute(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret subscription { id } } }`,
      { id: subscription.id },
      partnerAdmin,
    );
    const secret = rotated.data?.rotateWebhookSecret.secret as string;
    expect(secret).not.toBe(old);
    await closeHome();
    const [request] = await until(
      () => receiver.at(path),
      (received) => received.length === 1,
    );
    expect(signatureIsValid(secret, request!.headers, request!.body)).toBe(true);
    expect(signatureIsValid(old, request!.headers, request!.body)).toBe(false);

    // With an overlap, both secrets sign until it ends; a negative overlap is refused.
    const overlapping = await access.execute(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapHours: 24) { secret } }`,
      { id: subscription.id },
      partnerAdmin,
    );
    const newest = overlapping.data?.rotateWebhookSecret.secret as string;
    await closeHome();
    const [, during] = await until(
      () => receiver.at(path),
      (received) => received.length === 2,
    );
    expect(String(during!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(signatureIsValid(newest, during!.headers, during!.body)).toBe(true);
    expect(signatureIsValid(secret, during!.headers, during!.body)).toBe(true);
    expect(signatureIsValid(old, during!.headers, during!.body)).toBe(false);
    const refused = await access.execute(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapHours: -1) { secret } }`,
      { id: subscription.id },
      partnerAdmin,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "overlapHours" });

    const deleted = await access.execute(
      `mutation($id: ID!) { deleteWebhookSubscription(id: $id) { id } }`,
      { id: subscription.id },
      partnerAdmin,
    );
    expect(deleted.errors).toBeUndefined();
    expect(
      (await access.execute(DELIVERIES, { id: subscription.id }, partnerAdmin)).errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");
  });
});

describe("a subscription to the organisation's trusted operations", () => {
  it("is told when a province admin approves or rejects one of its proposals", async () => {
    const path = "/hooks/operations";
    const { secret } = await subscribe(`http://127.0.0.1:${receiverPort}${path}`, [
      TrustedOperationEventType.APPROVED,
      TrustedOperationEventType.REJECTED,
    ]);
    const proposed: string[] = [];
    for (const name of ["HomesCount", "HomesAgain"]) {
      const { data, errors } = await access.execute(
        `mutation($name: String!, $document: String!) { proposeTrustedOperation(name: $name, document: $document) { id } }`,
        { name, document: `query ${name} { sites(first: ${proposed.length + 1}) { totalCount } }` },
        partnerAdmin,
      );
      expect(errors).toBeUndefined();
      proposed.push(data?.proposeTrustedOperation.id);
    }
    const approved = await access.execute(
      `mutation($id: ID!) { approveTrustedOperation(id: $id) { status } }`,
      { id: proposed[0] },
      admin,
    );
    expect(approved.errors).toBeUndefined();
    const rejected = await access.execute(
      `mutation($id: ID!) { rejectTrustedOperation(id: $id, reason: "Ask for counts per county.") { status } }`,
      { id: proposed[1] },
      admin,
    );
    expect(rejected.errors).toBeUndefined();
    const received = await until(
      () => receiver.at(path),
      (requests) => requests.length === 2,
    );
    expect(received.every((request) => signatureIsValid(secret, request.headers, request.body))).toBe(true);
    const bodies = received
      .map((request) => JSON.parse(request.body))
      .sort((a, b) => a.type.localeCompare(b.type));
    expect(
      bodies.map((body) => [body.type, body.data.id, body.data.status, body.data.rejectionReason]),
    ).toEqual([
      [TrustedOperationEventType.APPROVED, proposed[0], "APPROVED", null],
      [TrustedOperationEventType.REJECTED, proposed[1], "REJECTED", "Ask for counts per county."],
    ]);
    expect(bodies[0].data).toMatchObject({
      organisationId: ORG,
      name: "HomesCount",
      sha256: expect.any(String),
    });
  });
});

describe("a subscription to campaigns' activities", () => {
  it("needs read:campaigns, then gets an activity's publication once, signed, with its public facts", async () => {
    const organisationId = randomUUID();
    await announceOrganisations(access, [{ id: organisationId, name: "绵阳青少年宫", kind: "FOUNDATION" }]);
    const itsAdmin = await identityHeaders({ subject: "pa-3", roles: ["PARTNER_ADMIN"], organisationId });
    const path = "/hooks/activities";
    const input = {
      url: `http://127.0.0.1:${receiverPort}${path}`,
      eventTypes: [ActivityEventType.PUBLISHED],
    };
    const refused = await access.execute(CREATE, { input }, itsAdmin);
    expect(refused.errors?.[0]?.message).toContain("activity.published needs read:campaigns");
    const key = await access.execute(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
      { input: { organisationId, name: "活动日历", scopes: ["read:campaigns"] } },
      admin,
    );
    expect(key.errors).toBeUndefined();
    const created = await access.execute(CREATE, { input }, itsAdmin);
    expect(created.errors).toBeUndefined();
    const secret = created.data?.createWebhookSubscription.secret as string;

    const id = randomUUID();
    const published = {
      id,
      title: "暑期科技营",
      kind: "SUMMER_CAMP",
      projectId: null,
      homeIds: [randomUUID()],
      regionCode: "510723",
      cityCode: "510700",
      startsOn: "2027-07-10",
      endsOn: "2027-07-12",
    };
    await deliverEvents(access, [
      {
        producer: "campaigns",
        type: ActivityEventType.PUBLISHED,
        version: ACTIVITY_EVENT_VERSION,
        entity: "Activity",
        key: id,
        payload: published,
      },
    ]);
    const [request] = await until(
      () => receiver.at(path),
      (requests) => requests.length > 0,
    );
    await sleep(200);
    expect(receiver.at(path)).toHaveLength(1);
    expect(signatureIsValid(secret, request!.headers, request!.body)).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({ type: ActivityEventType.PUBLISHED, data: published });
  });
});

describe("a subscription to funding's events", () => {
  const FUND = "LOVE_FUND";
  const grantApproved = (id: string) => ({
    producer: "funding",
    type: GrantEventType.APPROVED,
    version: GRANT_EVENT_VERSION,
    entity: "Grant",
    key: id,
    payload: {
      id,
      reference: "G-LOVE_FUND-2026-0007",
      amount: "30000.00",
      currency: "CNY",
      fundCode: FUND,
      recipientKind: "SITE",
      siteId: randomUUID(),
      projectId: null,
      regionCode: COUNTY,
      approvedAt: "2026-04-01T02:00:00.000Z",
    },
  });
  const donationReceived = (id: string, donorOrganisationId: string | null) => ({
    producer: "funding",
    type: DonationEventType.RECEIVED,
    version: DONATION_EVENT_VERSION,
    entity: "Donation",
    key: id,
    payload: {
      id,
      fundCode: FUND,
      amount: "1234.00",
      currency: "CNY",
      receiptNumber: `${FUND}-2026-000123`,
      receivedAt: "2026-03-10",
      donorOrganisationId,
    },
  });

  it("needs read:funding, then gets a grant's approval and only its organisation's own gifts, once, signed", async () => {
    const path = "/hooks/funding";
    const url = `http://127.0.0.1:${receiverPort}${path}`;
    const eventTypes = [GrantEventType.APPROVED, DonationEventType.RECEIVED];
    const refused = await access.execute(CREATE, { input: { url, eventTypes } }, partnerAdmin);
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.message).toContain("grant.approved needs read:funding");
    expect(refused.errors?.[0]?.message).toContain("donation.received needs read:funding");
    const key = await access.execute(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
      { input: { organisationId: ORG, name: "捐赠对账", scopes: ["read:funding"] } },
      admin,
    );
    expect(key.errors).toBeUndefined();
    const { secret, subscription } = await subscribe(url, eventTypes);

    const [grant, ownGift, otherGift, personalGift] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const events = [
      grantApproved(grant),
      donationReceived(ownGift, ORG),
      donationReceived(otherGift, OTHER_ORG),
      donationReceived(personalGift, null),
    ];
    await deliverEvents(access, events);
    const received = await until(
      () => receiver.at(path),
      (requests) => requests.length >= 2,
    );
    await sleep(200);
    expect(receiver.at(path)).toHaveLength(2);
    expect(received.every((request) => signatureIsValid(secret, request.headers, request.body))).toBe(true);
    const bodies = received
      .map((request) => JSON.parse(request.body))
      .sort((a, b) => a.type.localeCompare(b.type));
    expect(bodies.map((body) => [body.type, body.data])).toEqual([
      [DonationEventType.RECEIVED, events[1]?.payload],
      [GrantEventType.APPROVED, events[0]?.payload],
    ]);
    const list = await until(
      () => deliveries(subscription.id),
      (rows) => rows.length === 2 && rows.every((row) => row.status === "DELIVERED"),
    );
    expect(list.map((row) => row.attempts)).toEqual([1, 1]);
  });
});

describe("subscribing", () => {
  it("refuses event types the organisation's keys do not entitle it to, and unknown ones", async () => {
    const url = `http://127.0.0.1:${receiverPort}/hooks/refused`;
    const notEntitled = await access.execute(
      CREATE,
      { input: { url, eventTypes: [ProjectEventType.STATUS_CHANGED] } },
      partnerAdmin,
    );
    expect(notEntitled.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(notEntitled.errors?.[0]?.message).toContain("project.statusChanged needs read:campaigns");
    const unknown = await access.execute(
      CREATE,
      { input: { url, eventTypes: ["student.registered"] } },
      partnerAdmin,
    );
    expect(unknown.errors?.[0]?.message).toContain("unknown event type student.registered");
    // An organisation with no working key is entitled to nothing.
    const keyless = await access.execute(
      CREATE,
      { input: { url, eventTypes: [SiteEventType.STATUS_CHANGED] } },
      otherPartnerAdmin,
    );
    expect(keyless.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a URL that is not https, but http to this machine outside production", async () => {
    const plain = await access.execute(
      CREATE,
      { input: { url: "http://partner.example/hooks", eventTypes: [SiteEventType.STATUS_CHANGED] } },
      partnerAdmin,
    );
    expect(plain.errors?.[0]?.message).toContain("input.url must be https");
    const production = new WebhookService(access.database.client as never, {} as never, true);
    const principal = {
      ...ANONYMOUS,
      kind: "user" as const,
      subject: "admin-1",
      roles: [Role.PROVINCE_ADMIN],
    };
    await expect(
      production.create(principal, {
        organisationId: ORG,
        url: `http://127.0.0.1:${receiverPort}/hooks`,
        eventTypes: [SiteEventType.STATUS_CHANGED],
      }),
    ).rejects.toThrow("input.url must be https");
  });

  it("is for partner and province admins only", async () => {
    const other = await identityHeaders({
      subject: "staff-1",
      roles: ["COUNTY_OFFICER"],
      regionScope: COUNTY,
    });
    const refused = await access.execute(
      CREATE,
      { input: { url: "https://partner.example/hooks", eventTypes: [SiteEventType.STATUS_CHANGED] } },
      other,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
