import { DAY_MS } from "@lamplight/regions";
import {
  announceOrganisations,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";
import { homeIn, type Officials, officials } from "../site/site.fixtures.js";

// The worked example of docs/subgraphs/sites.md: three vendors, two evaluators, B wins.
const VENDOR = {
  A: "0a000000-0000-4000-8000-00000000000a",
  B: "0b000000-0000-4000-8000-00000000000b",
  C: "0c000000-0000-4000-8000-00000000000c",
};
const EVALUATOR_ORG = VENDOR.C;
// Vendors whose bids are refused for their amount or their lateness, not for who they are.
const LATE_VENDORS = ["0d000000-0000-4000-8000-00000000000d", "0e000000-0000-4000-8000-00000000000e"];
// An organisation people has not registered.
const UNREGISTERED = "0f000000-0000-4000-8000-00000000000f";

let sites: StartedSubgraph<PrismaClient>;
let who: Officials;
let evaluator1: Record<string, string>;
let evaluator2: Record<string, string>;
let partnerA: Record<string, string>;

const CREATE = /* GraphQL */ `
  mutation($input: CreateTenderInput!) {
    createTender(input: $input) { id open region { code } criteria { id name kind weight }
      lots { totalCount edges { node { id number title site { id } } } } }
  }
`;

const tenderInput = (siteId: string, overrides: Record<string, unknown> = {}) => ({
  title: "松林村留守学生之家建设工程",
  purpose: "CONSTRUCTION",
  regionCode: "510700",
  deadline: new Date(Date.now() + DAY_MS).toISOString(),
  lots: [{ title: "土建与装修", siteId }],
  criteria: [
    { name: "报价", kind: "PRICE", weight: 40 },
    { name: "技术方案", kind: "SCORED", weight: 35 },
    { name: "工期与服务", kind: "SCORED", weight: 25 },
  ],
  evaluators: [
    { evaluatorId: "evaluator-1", organisationId: null },
    { evaluatorId: "evaluator-2", organisationId: EVALUATOR_ORG },
  ],
  ...overrides,
});

async function createTender(siteId: string, overrides: Record<string, unknown> = {}) {
  const { data, errors } = await sites.execute(CREATE, { input: tenderInput(siteId, overrides) }, who.city);
  expect(errors).toBeUndefined();
  return data?.createTender;
}

const BID = `mutation($lot: ID!, $vendor: ID!, $fen: SafeInt!) { submitBid(lotId: $lot, input: { vendorOrganisationId: $vendor, amount: { fen: $fen } }) { id amount { fen amount currency } vendor { id } } }`;
const SCORE = `mutation($bid: ID!, $scores: [CriterionScoreInput!]!) { scoreBid(bidId: $bid, input: { scores: $scores }) { evaluatorId score } }`;

async function closeTender(tenderId: string) {
  await sites.database.client.tender.update({
    where: { id: tenderId },
    data: { deadline: new Date(Date.now() - 1000) },
  });
}

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  who = await officials();
  // The vendors and the evaluator's employer, as people announces the organisations it registers.
  await announceOrganisations(
    sites,
    [...Object.values(VENDOR), ...LATE_VENDORS].map((id, index) => ({
      id,
      name: `绵阳测试建设有限公司${index + 1}`,
      kind: "ALLIANCE_COMPANY",
      regionCode: "510700",
    })),
  );
  evaluator1 = await identityHeaders({
    subject: "evaluator-1",
    roles: ["COUNTY_OFFICER"],
    regionScope: "510703",
  });
  evaluator2 = await identityHeaders({
    subject: "evaluator-2",
    roles: ["CITY_ADMIN"],
    regionScope: "510700",
  });
  partnerA = await identityHeaders({
    kind: "partner",
    subject: "key-a",
    roles: ["PARTNER"],
    organisationId: VENDOR.A,
  });
});
afterAll(() => sites?.close());

describe("createTender", () => {
  it("opens a tender with lots, weighted criteria and a panel", async () => {
    const siteId = await homeIn(sites, who, "TENDERING");
    const tender = await createTender(siteId);
    expect(tender).toMatchObject({
      open: true,
      region: { code: "510700" },
      criteria: [
        { name: "报价", kind: "PRICE", weight: 40 },
        { name: "技术方案", kind: "SCORED", weight: 35 },
        { name: "工期与服务", kind: "SCORED", weight: 25 },
      ],
      lots: { totalCount: 1, edges: [{ node: { number: 1, title: "土建与装修", site: { id: siteId } } }] },
    });
  });

  it("refuses weights that do not add up to 100, a county, and another city's officials", async () => {
    const siteId = await homeIn(sites, who, "TENDERING");
    const weights = await sites.execute(
      CREATE,
      { input: tenderInput(siteId, { criteria: [{ name: "技术", weight: 60 }] }) },
      who.city,
    );
    expect(weights.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.criteria",
    });
    const county = await sites.execute(
      CREATE,
      { input: tenderInput(siteId, { regionCode: "510703" }) },
      who.province,
    );
    expect(county.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.regionCode",
    });
    const other = await sites.execute(CREATE, { input: tenderInput(siteId) }, who.otherCity);
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const officer = await sites.execute(CREATE, { input: tenderInput(siteId) }, who.county);
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the organisations a tender names", () => {
  it("are ones people has registered: an unknown evaluator's organisation or vendor is NOT_FOUND naming the field", async () => {
    const siteId = await homeIn(sites, who, "TENDERING");
    const panel = [
      { evaluatorId: "evaluator-1", organisationId: VENDOR.C },
      { evaluatorId: "evaluator-2", organisationId: null },
      { evaluatorId: "evaluator-3", organisationId: UNREGISTERED },
    ];
    const before = await sites.database.client.tender.count();
    const refused = await sites.execute(
      CREATE,
      { input: tenderInput(siteId, { evaluators: panel }) },
      who.city,
    );
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      entity: "Organisation",
      id: UNREGISTERED,
      field: "input.evaluators[2].organisationId",
    });
    expect(await sites.database.client.tender.count()).toBe(before);

    // The known organisations alone: the tender opens, and takes a bid only from a known vendor.
    const tender = await createTender(siteId, { evaluators: panel.slice(0, 2) });
    const lot = tender.lots.edges[0].node.id;
    const unknownVendor = await sites.execute(BID, { lot, vendor: UNREGISTERED, fen: 15_000_000 }, who.city);
    expect(unknownVendor.data).toBeNull();
    expect(unknownVendor.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      id: UNREGISTERED,
      field: "input.vendorOrganisationId",
    });
    expect(await sites.database.client.bid.count({ where: { lotId: lot } })).toBe(0);
    const knownVendor = await sites.execute(BID, { lot, vendor: VENDOR.B, fen: 15_000_000 }, who.city);
    expect(knownVendor.errors).toBeUndefined();
    expect(knownVendor.data?.submitBid.vendor).toEqual({ id: VENDOR.B });

    // Once people registers it, the same organisation is taken.
    await announceOrganisations(sites, [
      { id: UNREGISTERED, name: "绵阳新建建设集团", kind: "ALLIANCE_COMPANY" },
    ]);
    const registered = await sites.execute(BID, { lot, vendor: UNREGISTERED, fen: 15_500_000 }, who.city);
    expect(registered.errors).toBeUndefined();
  });
});

describe("bids, scores, ranking and award", () => {
  let siteId: string;
  let tenderId: string;
  let lotId: string;
  let criteria: { id: string; kind: string }[];
  const bidIds: Record<string, string> = {};

  beforeAll(async () => {
    siteId = await homeIn(sites, who, "TENDERING");
    const tender = await createTender(siteId);
    tenderId = tender.id;
    lotId = tender.lots.edges[0].node.id;
    criteria = tender.criteria;
  });

  it("takes bids at exact amounts before the deadline, one per vendor", async () => {
    const a = await sites.execute(BID, { lot: lotId, vendor: VENDOR.A, fen: 18_000_000 }, partnerA);
    expect(a.errors).toBeUndefined();
    expect(a.data?.submitBid.amount).toEqual({ fen: 18_000_000, amount: "180000.00", currency: "CNY" });
    bidIds.A = a.data?.submitBid.id;
    for (const [vendor, fen] of [
      ["B", 20_000_000],
      ["C", 16_500_000],
    ] as const) {
      const { data, errors } = await sites.execute(
        BID,
        { lot: lotId, vendor: VENDOR[vendor], fen },
        who.city,
      );
      expect(errors).toBeUndefined();
      bidIds[vendor] = data?.submitBid.id;
    }
    const again = await sites.execute(BID, { lot: lotId, vendor: VENDOR.B, fen: 1 }, who.city);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const forOther = await sites.execute(BID, { lot: lotId, vendor: VENDOR.B, fen: 100 }, partnerA);
    expect(forOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const zero = await sites.execute(BID, { lot: lotId, vendor: LATE_VENDORS[0], fen: 0 }, who.city);
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount.fen" });
  });

  it("does not score bids before the deadline", async () => {
    const early = await sites.execute(
      SCORE,
      { bid: bidIds.A, scores: [{ criterionId: criteria[1]!.id, score: 80 }] },
      evaluator1,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("takes no bid after the deadline", async () => {
    await closeTender(tenderId);
    const late = await sites.execute(BID, { lot: lotId, vendor: LATE_VENDORS[1], fen: 100 }, who.city);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(late.errors?.[0]?.message).toMatch(/^The tender closed for bids at /);
  });

  it("lets no evaluator score their own organisation's bid, and nobody off the panel", async () => {
    const own = await sites.execute(
      SCORE,
      { bid: bidIds.C, scores: [{ criterionId: criteria[1]!.id, score: 100 }] },
      evaluator2,
    );
    expect(own.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(own.errors?.[0]?.message).toBe("An evaluator does not score a bid of their own organisation");
    const offPanel = await sites.execute(
      SCORE,
      { bid: bidIds.A, scores: [{ criterionId: criteria[1]!.id, score: 50 }] },
      who.province,
    );
    expect(offPanel.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const price = await sites.execute(
      SCORE,
      { bid: bidIds.A, scores: [{ criterionId: criteria[0]!.id, score: 50 }] },
      evaluator1,
    );
    expect(price.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.scores" });
  });

  it("ranks the bids as the worked example does, and awards the first", async () => {
    const [, technical, service] = criteria;
    const given: [string, number, number, Record<string, string>][] = [
      ["A", 80, 70, evaluator1],
      ["A", 90, 80, evaluator2],
      ["B", 95, 90, evaluator1],
      ["B", 85, 90, evaluator2],
      ["C", 70, 80, evaluator1],
    ];
    for (const [bid, tech, serv, headers] of given) {
      const { errors } = await sites.execute(
        SCORE,
        {
          bid: bidIds[bid],
          scores: [
            { criterionId: technical!.id, score: tech },
            { criterionId: service!.id, score: serv },
          ],
        },
        headers,
      );
      expect(errors).toBeUndefined();
    }
    // The second evaluator belongs to vendor C: C's scores come from the first evaluator only, so
    // this lot's C differs from the docs' example (which has two evaluators for C): 70 and 80.
    const notFirst = await sites.execute(
      `mutation($lot: ID!, $bid: ID!) { awardLot(lotId: $lot, bidId: $bid) { id } }`,
      { lot: lotId, bid: bidIds.A },
      who.city,
    );
    expect(notFirst.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const { data, errors } = await sites.execute(
      `query($id: ID!) { tender(id: $id) { open lots { edges { node { ranking { edges { node { rank weightedScore complete
          bid { vendor { id } amount { amount } } criteria { score evaluators } } } } } } } } }`,
      { id: tenderId },
      who.city,
    );
    expect(errors).toBeUndefined();
    const ranking = data?.tender.lots.edges[0].node.ranking.edges.map((edge: { node: unknown }) => edge.node);
    expect(data?.tender.open).toBe(false);
    expect(
      ranking.map((node: { bid: { vendor: { id: string } }; weightedScore: number }) => [
        node.bid.vendor.id,
        node.weightedScore,
      ]),
    ).toEqual([
      [VENDOR.B, 87],
      [VENDOR.A, 85.17],
      [VENDOR.C, 84.5],
    ]);
    expect(ranking[1].criteria).toEqual([
      { score: 91.67, evaluators: 0 },
      { score: 85, evaluators: 2 },
      { score: 75, evaluators: 2 },
    ]);

    // Two officials award at once: one contract, the other told it is already awarded.
    const awards = await Promise.all(
      [who.city, who.province].map((headers) =>
        sites.execute(
          `mutation($lot: ID!, $bid: ID!) { awardLot(lotId: $lot, bidId: $bid) { amount { fen } vendor { id } awardedBy lot { contract { bid { id } } } } }`,
          { lot: lotId, bid: bidIds.B },
          headers,
        ),
      ),
    );
    const award = awards.find((result) => !result.errors)!;
    expect(awards.filter((result) => result.errors?.[0]?.extensions?.code === "CONFLICT")).toHaveLength(1);
    expect(award.data?.awardLot).toMatchObject({
      amount: { fen: 20_000_000 },
      vendor: { id: VENDOR.B },
      awardedBy: expect.stringMatching(/^(mianyang|province)-admin$/),
      lot: { contract: { bid: { id: bidIds.B } } },
    });
    const twice = await sites.execute(
      `mutation($lot: ID!, $bid: ID!) { awardLot(lotId: $lot, bidId: $bid) { id } }`,
      { lot: lotId, bid: bidIds.B },
      who.city,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(await sites.database.client.contract.count({ where: { lotId } })).toBe(1);

    // The award lets the home move on to building.
    const building = await sites.execute(
      `mutation($id: ID!) { transitionSite(id: $id, input: { to: BUILDING, reason: "Contract signed" }) { status } }`,
      { id: siteId },
      who.city,
    );
    expect(building.data?.transitionSite.status).toBe("BUILDING");
  });

  it("keeps bids and rankings from the public", async () => {
    const { errors } = await sites.execute(
      `query($id: ID!) { tender(id: $id) { title lots { edges { node { bids { totalCount } } } } } }`,
      { id: tenderId },
    );
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
