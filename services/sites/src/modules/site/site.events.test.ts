import { FEED_PATH, type FeedPage, signFeedToken } from "@lamplight/events";
import {
  announceOrganisations,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
  TEST_IDENTITY_KEY,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";

let sites: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;
const APPLICANT = "8f3c0d3e-0b4a-4c3e-9a51-3f1b2c4d5e6f";

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  await announceOrganisations(sites, [{ id: APPLICANT, name: "绵阳市义工联合会", regionCode: "510700" }]);
});
afterAll(() => sites?.close());

/** The sites feed after `after`, read as a consumer does. */
async function feed(after = 0n): Promise<FeedPage> {
  const url = new URL(FEED_PATH, sites.url);
  url.searchParams.set("after", after.toString());
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${await signFeedToken("people", "sites", TEST_IDENTITY_KEY)}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as FeedPage;
}

const createHome = async (name: string) => {
  const { data, errors } = await sites.execute<{ createSite: { id: string } }>(
    `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
    {
      input: { name, regionCode: "510703", address: "四川省绵阳市涪城区", hostModel: "FAMILY", capacity: 12 },
    },
    admin,
  );
  expect(errors).toBeUndefined();
  return data!.createSite.id;
};

describe("what sites publishes about a home", () => {
  it("announces a registration, a move to another county and a change of status, each with the home's facts", async () => {
    const head = BigInt((await feed()).head);
    const id = await createHome("石马村留守学生之家");
    const moved = await sites.execute(
      `mutation($id: ID!) { updateSite(id: $id, input: { regionCode: "510722" }) { id } }`,
      { id },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    // Another field (capacity) is nobody else's concern: no event.
    await sites.execute(
      `mutation($id: ID!) { updateSite(id: $id, input: { capacity: 20 }) { id } }`,
      { id },
      admin,
    );
    const applied = await sites.execute(
      `mutation($id: ID!) { submitApplication(siteId: $id, input: { applicantOrganisationId: "${APPLICANT}", hostModel: SCHOOL, proposedAddress: "x", proposedCapacity: 10 }) { id } }`,
      { id },
      admin,
    );
    expect(applied.errors).toBeUndefined();

    const { events } = await feed(head);
    expect(events.map((event) => [event.type, event.key, event.version])).toEqual([
      ["site.registered", id, 1],
      ["site.moved", id, 1],
      ["site.statusChanged", id, 1],
    ]);
    expect(events.map((event) => event.payload)).toEqual([
      {
        id,
        name: "石马村留守学生之家",
        kind: "HOME",
        countyCode: "510703",
        cityCode: "510700",
        status: "PROPOSED",
      },
      {
        id,
        name: "石马村留守学生之家",
        kind: "HOME",
        countyCode: "510722",
        cityCode: "510700",
        status: "PROPOSED",
      },
      {
        id,
        name: "石马村留守学生之家",
        kind: "HOME",
        countyCode: "510722",
        cityCode: "510700",
        status: "APPLIED",
      },
    ]);
    expect(events.every((event) => event.producer === "sites" && event.entity === "Site")).toBe(true);
  });

  it("appends nothing for a refused write", async () => {
    const head = BigInt((await feed()).head);
    const refused = await sites.execute(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      { input: { name: "x", regionCode: "519999", address: "x", hostModel: "FAMILY", capacity: 12 } },
      admin,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await feed(head)).events).toEqual([]);
  });

  it("announces at start every home written without an event (the bulk seed, older data)", async () => {
    const { client } = sites.database;
    const head = BigInt((await feed()).head);
    const quiet = await client.site.create({
      data: {
        name: "旧数据之家",
        regionCode: "510703",
        cityCode: "510700",
        address: "x",
        hostModel: "FAMILY",
        capacity: 8,
      },
    });
    const { announceUnannouncedSites } = await import("./site.events.js");
    expect(await announceUnannouncedSites(client)).toBe(1);
    expect(await announceUnannouncedSites(client)).toBe(0);
    const { events } = await feed(head);
    expect(events.map((event) => [event.type, event.key])).toEqual([["site.registered", quiet.id]]);
  });
});
