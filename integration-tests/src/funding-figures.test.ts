import { campaignsService, seedProjects } from "@lamplight/campaigns/testing";
import { assertLedgerBalanced, fundingService, seedFunding } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import {
  bearerHeaders,
  identityHeaders,
  type StartedSubgraph,
  type TestableService,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type ClientOf<Service> = Service extends TestableService<infer Client> ? Client : never;

let graph: StartedGraph;
let funding: StartedSubgraph<ClientOf<typeof fundingService>>;
let homeId: string;

beforeAll(async () => {
  graph = await startGraph([sitesService, fundingService, campaignsService]);
  funding = graph.subgraphs.funding as StartedSubgraph<ClientOf<typeof fundingService>>;
  await seedFunding(funding.database.client);
  await seedProjects(
    (graph.subgraphs.campaigns as StartedSubgraph<ClientOf<typeof campaignsService>>).database.client,
  );
  const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  const { data, errors } = await graph.subgraphs.sites!.execute(
    `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
    {
      input: {
        name: "盐亭县金孔镇留守学生之家",
        regionCode: "510723",
        address: "四川省绵阳市盐亭县金孔镇",
        hostModel: "SCHOOL",
        capacity: 60,
      },
    },
    admin,
  );
  expect(errors).toBeUndefined();
  homeId = data?.createSite.id;
  // Funding hears of the home from sites before a grant names it.
  await graph.settled();
}, 120_000);
afterAll(async () => {
  if (funding) await assertLedgerBalanced(funding.database.client);
  await graph?.close();
});

describe("the programme's figures from the demo seed, through the gateway", () => {
  it("the provincial funds raised 27,000,000 yuan, 9,436,232 of it in March 2026; the cities 115,000,000", async () => {
    // The love fund, and the sports lottery's restricted fund that holds the sports bureau's 1,000,000.
    const { data, errors } = await graph.execute(`{
      fund(code: "LOVE_FUND") { name raised { amount } }
      lottery: fund(code: "SPORTS_LOTTERY") { raised { amount } }
      march: fundingTotals(groupBy: MONTH, fundCode: "LOVE_FUND", from: "2026-03-01", to: "2026-03-31") { key amount { amount } }
      lotteryMarch: fundingTotals(groupBy: MONTH, fundCode: "SPORTS_LOTTERY", from: "2026-03-01", to: "2026-03-31") { key amount { amount } }
      cities: fundingTotals(groupBy: CITY) { key label amount { fen } }
      province: region(code: "510000") { name fundsRaised { amount } fundsGranted { fen } }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.fund).toEqual({ name: "四川省关爱留守学生爱心基金", raised: { amount: "26000000.00" } });
    expect(data?.lottery).toEqual({ raised: { amount: "1000000.00" } });
    expect(data?.march).toEqual([{ key: "2026-03", amount: { amount: "8436232.00" } }]);
    expect(data?.lotteryMarch).toEqual([{ key: "2026-03", amount: { amount: "1000000.00" } }]);
    const provincial = data?.cities.find((total: { key: string }) => total.key === "510000");
    expect(provincial.amount.fen).toBe(2_700_000_000);
    const cities = data?.cities.filter((total: { key: string }) => total.key !== "510000");
    expect(cities).toHaveLength(21);
    expect(
      cities.reduce((sum: number, total: { amount: { fen: number } }) => sum + total.amount.fen, 0),
    ).toBe(11_500_000_000);
    expect(data?.province).toMatchObject({ name: "四川省", fundsRaised: { amount: "142000000.00" } });
    expect(data?.province.fundsGranted.fen).toBeGreaterThan(0);
  });

  it("traces the power company's 4,000,000 to the homes it built, naming no anonymous donor", async () => {
    const admin = await bearerHeaders({ subject: "province-admin", roles: ["PROVINCE_ADMIN"] });
    const gifts = await graph.execute(
      `{ donations(filter: { fundCode: "LOVE_FUND", from: "2026-03-06", to: "2026-03-06" }, first: 100) {
          edges { node { receiptNumber amount { amount } } } } }`,
      {},
      admin,
    );
    const power = gifts.data?.donations.edges.find(
      (edge: { node: { amount: { amount: string } } }) => edge.node.amount.amount === "4000000.00",
    ).node;
    const { data, errors } = await graph.execute(
      `query($receipt: String!) { donationTrace(receiptNumber: $receipt) {
          allocationCount unallocated { fen } allocations { amount { fen } grant { recipientKind site { id } } } } }`,
      { receipt: power.receiptNumber },
    );
    expect(errors).toBeUndefined();
    const trace = data?.donationTrace;
    expect(trace.allocationCount).toBeGreaterThan(20);
    expect(
      trace.allocations.every(
        (share: { grant: { recipientKind: string } }) => share.grant.recipientKind === "SITE",
      ),
    ).toBe(true);
    const traced = trace.allocations.reduce(
      (sum: number, share: { amount: { fen: number } }) => sum + share.amount.fen,
      0,
    );
    expect(traced + trace.unallocated.fen).toBe(400_000_000);
  });
});

describe("campaign projects: raised against target", () => {
  it("shows what the sports activity centre project raised and was granted next to its target", async () => {
    const { data, errors } = await graph.execute(
      `{ project(code: "SPORTS_CENTRE") { name fundraisingTarget { amount } raised { fen } granted { fen } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.project).toMatchObject({
      name: "留守学生体育活动中心",
      fundraisingTarget: { amount: "8000000.00" },
    });
    // Individuals' gifts to the project (the sports bureau's 1,000,000 went to the centre itself),
    // about 80% of them granted, as for every project.
    expect(data?.project).toMatchObject({ raised: { fen: 8_008_400 }, granted: { fen: 6_400_000 } });
  });
});

describe("grants through the gateway", () => {
  it("a grant proposed and approved by two finance officers shows on the home, with the home's name", async () => {
    const proposer = await bearerHeaders({
      subject: "mianyang-finance-1",
      roles: ["FINANCE_OFFICER"],
      region: "510700",
    });
    const approver = await bearerHeaders({
      subject: "mianyang-finance-2",
      roles: ["FINANCE_OFFICER"],
      region: "510700",
    });
    const proposed = await graph.execute(
      `mutation($input: ProposeGrantInput!) { proposeGrant(input: $input) { id status site { name } } }`,
      {
        input: {
          idempotencyKey: "integration-grant-jinkong-1",
          fundCode: "CITY_510700",
          designation: { purpose: "BUILDING_HOMES" },
          recipientKind: "SITE",
          siteId: homeId,
          regionCode: "510723",
          title: "金孔镇留守学生之家改造",
          description: "活动室、自习室和亲情电话",
          amount: { fen: 12_000_000 },
        },
      },
      proposer,
    );
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data?.proposeGrant).toMatchObject({
      status: "PROPOSED",
      site: { name: "盐亭县金孔镇留守学生之家" },
    });
    const approved = await graph.execute(
      `mutation($id: ID!) { approveGrant(id: $id) { status } }`,
      { id: proposed.data?.proposeGrant.id },
      approver,
    );
    expect(approved.data?.approveGrant).toEqual({ status: "APPROVED" });

    const { data, errors } = await graph.execute(
      `query($id: ID!) { site(id: $id) { name fundsGranted { amount } grants { totalCount edges { node { title amount { amount } region { name } fund { code } } } } } }`,
      { id: homeId },
    );
    expect(errors).toBeUndefined();
    expect(data?.site).toEqual({
      name: "盐亭县金孔镇留守学生之家",
      fundsGranted: { amount: "120000.00" },
      grants: {
        totalCount: 1,
        edges: [
          {
            node: {
              title: "金孔镇留守学生之家改造",
              amount: { amount: "120000.00" },
              region: { name: "盐亭县" },
              fund: { code: "CITY_510700" },
            },
          },
        ],
      },
    });
    const perCity = await graph.execute(`{ grantTotals(groupBy: CITY) { key label } }`);
    expect(perCity.data?.grantTotals.find((total: { key: string }) => total.key === "510700")?.label).toBe(
      "绵阳市",
    );
  });
});
