import { accessService } from "@lamplight/access/testing";
import { assertLedgerBalanced, fundingService, seedFunds } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { announceUnannouncedOrganisations, peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import {
  bearerHeaders,
  identityHeaders,
  type StartedSubgraph,
  type TestableService,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type ClientOf<Service> = Service extends TestableService<infer Client> ? Client : never;

// Three homes in Mianyang (510700); the first receives two gifts, the second one, the third none.
const HOMES = ["东林村留守学生之家", "西林村留守学生之家", "南林村留守学生之家"] as const;

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordDonationInput!) {
    recordDonation(input: $input) { id receiptNumber amount { amount } designation { site { id name } } }
  }
`;

let graph: StartedGraph;
let funding: StartedSubgraph<ClientOf<typeof fundingService>>;
let homeIds: string[];
let organisationId: string;
let finance: Record<string, string>;

const gift = (siteId: string | null, yuan: number, extra: Record<string, unknown> = {}) => ({
  idempotencyKey: `integration-${siteId}-${yuan}`,
  donorName: "赵敏",
  amount: { fen: yuan * 100 },
  receivedOn: "2026-03-12",
  channel: "BANK_TRANSFER",
  fundCode: "LOVE_FUND",
  designation: { purpose: "BUILDING_HOMES", siteId },
  ...extra,
});

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService, accessService, fundingService]);
  funding = graph.subgraphs.funding as StartedSubgraph<ClientOf<typeof fundingService>>;
  const people = graph.subgraphs.people as StartedSubgraph<ClientOf<typeof peopleService>>;
  await seedFunds(funding.database.client);
  const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  homeIds = [];
  for (const name of HOMES) {
    const { data, errors } = await graph.subgraphs.sites!.execute(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      {
        input: {
          name,
          regionCode: "510703",
          address: "四川省绵阳市涪城区",
          hostModel: "SCHOOL",
          capacity: 40,
        },
      },
      admin,
    );
    expect(errors).toBeUndefined();
    homeIds.push(data?.createSite.id);
  }
  const organisation = await people.database.client.organisation.create({
    data: { name: "蜀光电力有限公司", kind: "ALLIANCE_COMPANY", regionCode: "510000" },
  });
  organisationId = organisation.id;
  // Loaded as the seed loads organisations, and announced as it does: funding hears of it, and of the homes.
  await announceUnannouncedOrganisations(people.database.client);
  await graph.settled();
  finance = await bearerHeaders({
    subject: "province-finance",
    roles: ["FINANCE_OFFICER"],
    region: "510000",
  });
});
afterAll(async () => {
  if (funding) await assertLedgerBalanced(funding.database.client);
  await graph?.close();
});

describe("funding joined with sites and people through the gateway", () => {
  it("records designated gifts as a finance officer and shows each home what it received", async () => {
    const first = await graph.execute(RECORD, { input: gift(homeIds[0]!, 1000) }, finance);
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordDonation).toMatchObject({
      receiptNumber: "LOVE_FUND-2026-000001",
      amount: { amount: "1000.00" },
      // The home's name comes from the sites subgraph.
      designation: { site: { id: homeIds[0], name: HOMES[0] } },
    });
    await graph.execute(RECORD, { input: gift(homeIds[0]!, 500) }, finance);
    await graph.execute(
      RECORD,
      { input: gift(homeIds[1]!, 20_000, { donorName: null, donorOrganisationId: organisationId }) },
      finance,
    );

    const { data, errors } = await graph.execute(
      `{ sites(first: 3, filter: { region: "510700" }) { edges { node { name fundsReceived { amount } } } } }`,
    );
    expect(errors).toBeUndefined();
    const received = Object.fromEntries(
      data?.sites.edges.map(({ node }: { node: { name: string; fundsReceived: { amount: string } } }) => [
        node.name,
        node.fundsReceived.amount,
      ]),
    );
    expect(received).toEqual({ [HOMES[0]]: "1500.00", [HOMES[1]]: "20000.00", [HOMES[2]]: "0.00" });
  });

  it("shows what an organisation gave next to its name from the people subgraph", async () => {
    const { data, errors } = await graph.execute(
      `query($id: ID!) { organisation(id: $id) { name kind donated { amount currency } } }`,
      { id: organisationId },
    );
    expect(errors).toBeUndefined();
    expect(data?.organisation).toEqual({
      name: "蜀光电力有限公司",
      kind: "ALLIANCE_COMPANY",
      donated: { amount: "20000.00", currency: "CNY" },
    });
    // The public per-donor totals name the organisation through the people subgraph.
    const totals = await graph.execute(
      `{ fundingTotals(groupBy: DONOR, fundCode: "LOVE_FUND") { key amount { amount } organisation { name } } }`,
    );
    expect(totals.errors).toBeUndefined();
    expect(
      totals.data?.fundingTotals.find(
        (total: { key: string }) => total.key === `ORGANISATION:${organisationId}`,
      ),
    ).toEqual({
      key: `ORGANISATION:${organisationId}`,
      amount: { amount: "20000.00" },
      organisation: { name: "蜀光电力有限公司" },
    });
  });

  it("names the donor organisation of a public gift, and the fund's balance, for the public", async () => {
    const { data, errors } = await graph.execute(
      `{ fund(code: "LOVE_FUND") { name balance { amount } }
         fundDonations(fundCode: "LOVE_FUND", first: 5) { totalCount edges { node { donorOrganisation { name } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.fund).toEqual({ name: "四川省关爱留守学生爱心基金", balance: { amount: "21500.00" } });
    expect(data?.fundDonations.totalCount).toBe(3);
    expect(
      data?.fundDonations.edges.map((edge: any) => edge.node.donorOrganisation?.name ?? null).sort(),
    ).toEqual([null, null, "蜀光电力有限公司"].sort());
  });

  it("refuses the public and a finance officer of another city", async () => {
    const anonymous = await graph.execute(RECORD, { input: gift(homeIds[2]!, 10) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const chengdu = await bearerHeaders({
      subject: "chengdu-finance",
      roles: ["FINANCE_OFFICER"],
      region: "510100",
    });
    const other = await graph.execute(
      RECORD,
      { input: gift(homeIds[2]!, 10, { fundCode: "CITY_510700" }) },
      chengdu,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
