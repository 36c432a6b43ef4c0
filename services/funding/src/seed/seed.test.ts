import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { expectLedgerBalanced } from "../modules/donation/donation.fixtures.js";
import { fundingService } from "../testing.js";
import {
  BIG_MONTH,
  CITY_FUNDS_TOTAL_FEN,
  DONORS,
  demoDonations,
  LOVE_FUND_TOTAL_FEN,
} from "./demo-donations.js";
import { demoFunds } from "./demo-funds.js";
import { seedFunding } from "./index.js";

describe("the demo data", () => {
  const funds = demoFunds();
  const { donations, lines } = demoDonations(funds);
  const loveFund = funds.funds.find((fund) => fund.code === "LOVE_FUND")!;

  it("is the same on every run, ids included", () => {
    expect(demoFunds()).toEqual(funds);
    expect(demoDonations(demoFunds()).donations.slice(0, 50)).toEqual(donations.slice(0, 50));
  });

  it("has the love fund, 21 city funds and the sports lottery's restricted fund", () => {
    expect(funds.funds.map((fund) => fund.kind)).toEqual([
      "PROVINCIAL_LOVE_FUND",
      ...Array(21).fill("CITY_SPECIAL_FUND"),
      "RESTRICTED",
    ]);
    expect(funds.accounts).toHaveLength(23 * 16);
  });

  it("gives the love fund about 10,000 gifts, mostly small, some anonymous, some to demo homes", () => {
    const gifts = donations.filter((donation) => donation.fundId === loveFund.id);
    expect(gifts.length).toBeGreaterThan(8000);
    expect(gifts.length).toBeLessThan(12_000);
    const small = gifts.filter((gift) => BigInt(gift.amountFen) <= 500_000n);
    expect(small.length / gifts.length).toBeGreaterThan(0.99);
    const anonymous = gifts.filter((gift) => gift.anonymous).length / gifts.length;
    expect(anonymous).toBeGreaterThan(0.1);
    expect(anonymous).toBeLessThan(0.2);
    expect(gifts.filter((gift) => gift.siteId).length).toBeGreaterThan(500);
    expect(lines.reduce((sum, line) => sum + BigInt(line.amountFen), 0n)).toBe(0n);
  });
});

describe("seedFunding", () => {
  let funding: StartedSubgraph<PrismaClient>;
  beforeAll(async () => {
    funding = await startSubgraph(fundingService);
  });
  afterAll(() => funding?.close());

  it("loads in well under a minute, balanced, and skips what is already there", async () => {
    const started = Date.now();
    const first = await seedFunding(funding.database.client);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(first.funds).toBe(23);
    expect(first.donations).toBe(demoDonations(demoFunds()).donations.length);
    await expectLedgerBalanced(funding.database.client);
    expect(first.grants).toBeGreaterThan(50);
    expect(first.pledges).toBe(2);
    expect(first.inKindGifts).toBe(3);
    expect(await seedFunding(funding.database.client)).toEqual({
      funds: 0,
      accounts: 0,
      donations: 0,
      journalLines: 0,
      grants: 0,
      pledges: 0,
      inKindGifts: 0,
    });
  }, 120_000);

  it("reproduces the programme's figures", async () => {
    const loveFund = await funding.execute(
      `{ fund(code: "LOVE_FUND") { id raised { amount } balance { fen } granted { fen } available { fen } } }`,
    );
    expect(loveFund.data?.fund.raised).toEqual({ amount: "27000000.00" });
    // The bank holds what was raised less what grants have paid out.
    const paid = await funding.database.client.grantDisbursement.aggregate({
      _sum: { amountFen: true },
      where: { grant: { fundId: loveFund.data?.fund.id } },
    });
    expect(BigInt(loveFund.data?.fund.balance.fen)).toBe(LOVE_FUND_TOTAL_FEN - (paid._sum.amountFen ?? 0n));
    expect(loveFund.data?.fund.granted.fen).toBeGreaterThan(600_000_000);
    expect(loveFund.data?.fund.available.fen + loveFund.data?.fund.granted.fen).toBe(2_700_000_000);
    expect(LOVE_FUND_TOTAL_FEN).toBe(2_700_000_000n);

    const month = await funding.execute(
      `{ fundingTotals(groupBy: MONTH, fundCode: "LOVE_FUND", from: "2026-03-01", to: "2026-03-31") { key amount { fen } } }`,
    );
    const [march] = month.data?.fundingTotals ?? [];
    expect(march.key).toBe(BIG_MONTH);
    expect(march.amount.fen).toBe(943_623_200);
    expect(march.amount.fen).toBeGreaterThanOrEqual(900_000_000);
    expect(march.amount.fen).toBeLessThan(950_000_000);

    // The month's three named gifts, and who gave them.
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const named = [];
    for (const donor of [DONORS.powerCompany, DONORS.propertyGroup, DONORS.sportsBureau]) {
      const { data } = await funding.execute(
        `query($donor: ID!) { donations(filter: { fundCode: "LOVE_FUND", donorOrganisationId: $donor, from: "2026-03-01", to: "2026-03-31" }) {
          edges { node { amount { amount } designation { purpose } } } } }`,
        { donor },
        admin,
      );
      named.push(...(data?.donations.edges.map((edge: any) => edge.node) ?? []));
    }
    expect(named).toEqual([
      { amount: { amount: "4000000.00" }, designation: { purpose: "BUILDING_HOMES" } },
      { amount: { amount: "4000000.00" }, designation: { purpose: "BUILDING_HOMES" } },
      { amount: { amount: "1000000.00" }, designation: { purpose: "SPORTS_CENTRE" } },
    ]);

    const cities = await funding.execute(`{ fundingTotals(groupBy: CITY) { key amount { fen } } }`);
    const cityTotal = cities.data?.fundingTotals
      .filter((total: any) => total.key !== "510000")
      .reduce((sum: number, total: any) => sum + total.amount.fen, 0);
    expect(cities.data?.fundingTotals).toHaveLength(22);
    expect(BigInt(cityTotal)).toBe(CITY_FUNDS_TOTAL_FEN);
  });

  it("has grants to demo homes, projects and cities, pledges and gifts in kind, all balanced", async () => {
    const kinds = await funding.execute(
      `{ grantTotals(groupBy: RECIPIENT_KIND) { key grants awarded { fen } } }`,
    );
    expect(kinds.data?.grantTotals.map((total: any) => total.key)).toEqual(["CITY", "PROJECT", "SITE"]);
    const sports = await funding.execute(
      `{ _entities(representations: [{ __typename: "Project", id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a04" }]) { ... on Project { raised { fen } granted { fen } } } }`,
    );
    const centre = sports.data?._entities[0];
    expect(centre.granted.fen).toBe(100_000_000);
    expect(centre.raised.fen).toBeGreaterThanOrEqual(100_000_000);
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const pledges = await funding.execute(
      `{ pledges(fundCode: "LOVE_FUND") { edges { node { total { amount } instalments { fulfilled } } } } }`,
      {},
      admin,
    );
    expect(
      pledges.data?.pledges.edges.map((edge: any) => edge.node.instalments.map((i: any) => i.fulfilled)),
    ).toEqual([
      [true, false, false],
      [true, false, false],
    ]);
    const gifts = await funding.execute(
      `{ inKindGifts(fundCode: "LOVE_FUND") { edges { node { category quantity delivered } } } }`,
    );
    expect(gifts.data?.inKindGifts.edges.map((edge: any) => edge.node.category).sort()).toEqual([
      "BOOKS",
      "MOBILE_LIBRARY",
      "PHONES",
    ]);
    const province = await funding.execute(
      `{ _entities(representations: [{ __typename: "Region", code: "510000" }]) { ... on Region { fundsRaised { fen } fundsGranted { fen } } } }`,
    );
    expect(BigInt(province.data?._entities[0].fundsRaised.fen)).toBe(
      LOVE_FUND_TOTAL_FEN + CITY_FUNDS_TOTAL_FEN,
    );
    expect(province.data?._entities[0].fundsGranted.fen).toBeGreaterThan(0);
    await expectLedgerBalanced(funding.database.client);
  });
});
