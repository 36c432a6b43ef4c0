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
    expect(funds.accounts).toHaveLength(23 * 6);
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
    expect(await seedFunding(funding.database.client)).toEqual({
      funds: 0,
      accounts: 0,
      donations: 0,
      journalLines: 0,
    });
  }, 120_000);

  it("reproduces the programme's figures", async () => {
    const loveFund = await funding.execute(
      `{ fund(code: "LOVE_FUND") { raised { amount } balance { amount } } }`,
    );
    expect(loveFund.data?.fund).toEqual({
      raised: { amount: "27000000.00" },
      balance: { amount: "27000000.00" },
    });
    expect(LOVE_FUND_TOTAL_FEN).toBe(2_700_000_000n);

    const month = await funding.execute(
      `{ fundingTotals(groupBy: MONTH, fundCode: "LOVE_FUND", from: "2026-03-01", to: "2026-03-31") { key amount { fen } } }`,
    );
    const [march] = month.data?.fundingTotals ?? [];
    expect(march.key).toBe(BIG_MONTH);
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
});
