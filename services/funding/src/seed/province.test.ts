import { scaleOf } from "@lamplight/seed-kit";
import { type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { expectLedgerBalanced } from "../modules/donation/donation.fixtures.js";
import { fundingService } from "../testing.js";
import {
  BIG_MONTH_LOVE_FUND_FEN,
  BIG_MONTH_TOTAL_FEN,
  CITY_FUNDS_TOTAL_FEN,
  LOVE_FUND_TOTAL_FEN,
  REPORTED_LOVE_FUND_TOTAL_FEN,
  SPORTS_BUREAU_GIFT_FEN,
} from "./demo-donations.js";
import { demoFunds, fundingSeed } from "./demo-funds.js";
import { demoPledges } from "./demo-grants.js";
import { fundingWorld } from "./demo-world.js";
import { seedFunding, TableTimes } from "./index.js";
import { provinceDonations } from "./province-donations.js";

// The province generator at a small custom scale: 30 homes, 4,000 gifts in chunks of 1,000.
const scale = { ...scaleOf("province", { homes: 30 }), donations: 4000 };

const firstChunk = (seed: number) => {
  const funds = demoFunds(fundingSeed(seed));
  const generator = provinceDonations(
    funds,
    {
      seed: fundingSeed(seed),
      donations: scale.donations,
      world: fundingWorld(seed, scale.homes),
      chunkSize: 1000,
      pledgeInstalmentOf: demoPledges(funds, fundingSeed(seed)).instalmentOf,
    },
    { counters: [], pools: [], donations: 0 },
  );
  for (const chunk of generator) if (chunk) return chunk;
  throw new Error("no chunk");
};

describe("the province generator", () => {
  it("gives the same gifts for the same seed number and others for another", () => {
    const first = firstChunk(scale.seed);
    expect(first.donations).toHaveLength(1000);
    expect(first.lines).toHaveLength(2000);
    expect(firstChunk(scale.seed)).toEqual(first);
    expect(firstChunk(scale.seed + 1).donations[0]!.id).not.toBe(first.donations[0]!.id);
  });
});

describe("seedFunding at province scale", () => {
  let funding: StartedSubgraph<PrismaClient>;
  const times = new TableTimes();
  let seeded: Awaited<ReturnType<typeof seedFunding>>;
  beforeAll(async () => {
    funding = await startSubgraph(fundingService);
    seeded = await seedFunding(funding.database.client, { scale, chunkSize: 1000, times });
  }, 120_000);
  afterAll(() => funding?.close());

  it("loads the asked-for gifts, each with a balanced entry, and reports every table", async () => {
    const client = funding.database.client;
    expect(seeded.donations).toBe(4000);
    expect(await client.donation.count()).toBe(4000);
    expect(await client.journalEntry.count({ where: { kind: "DONATION" } })).toBe(4000);
    expect(seeded.grants).toBeGreaterThan(20);
    expect(seeded.inKindGifts).toBeGreaterThan(3);
    const report = new Map(times.report().map((row) => [row.table, row]));
    expect(report.get("Donation")?.rows).toBe(4000);
    expect(report.get("JournalLine")?.rows).toBe(seeded.journalLines);
    expect(report.get("Donation")?.rowsPerSecond).toBeGreaterThan(0);
    await expectLedgerBalanced(client);
  });

  it("keeps the programme's figures exact with more, smaller gifts", async () => {
    const totals = await funding.database.client.$queryRaw<{ code: string; march: bigint; total: bigint }[]>`
      SELECT f."code", SUM(d."amountFen")::bigint AS total,
             COALESCE(SUM(d."amountFen") FILTER (WHERE d."receivedOn" BETWEEN '2026-03-01' AND '2026-03-31'), 0)::bigint AS march
      FROM "Donation" d JOIN "Fund" f ON f."id" = d."fundId" GROUP BY f."code"`;
    const love = totals.find((row) => row.code === "LOVE_FUND")!;
    expect(love.total).toBe(LOVE_FUND_TOTAL_FEN);
    expect(love.march).toBe(BIG_MONTH_LOVE_FUND_FEN);
    // The sports bureau's million, in the restricted fund: with it, the programme's figures.
    const lottery = totals.find((row) => row.code === "SPORTS_LOTTERY")!;
    expect(lottery).toMatchObject({ total: SPORTS_BUREAU_GIFT_FEN, march: SPORTS_BUREAU_GIFT_FEN });
    expect(love.total + lottery.total).toBe(REPORTED_LOVE_FUND_TOTAL_FEN);
    expect(love.march + lottery.march).toBe(BIG_MONTH_TOTAL_FEN);
    const cities = totals.filter((row) => row.code.startsWith("CITY_"));
    expect(cities).toHaveLength(21);
    expect(cities.reduce((sum, row) => sum + row.total, 0n)).toBe(CITY_FUNDS_TOTAL_FEN);
  });

  it("numbers receipts without gaps per fund and year, as the counters say", async () => {
    const gaps = await funding.database.client.$queryRaw<
      { gifts: number; highest: number; counter: number }[]
    >`
      SELECT COUNT(*)::int AS gifts, MAX(RIGHT(d."receiptNumber", 6)::int) AS highest, c."lastNumber" AS counter
      FROM "Donation" d
      JOIN "ReceiptCounter" c ON c."fundId" = d."fundId" AND c."year" = EXTRACT(YEAR FROM d."receivedOn")
      GROUP BY d."fundId", c."year", c."lastNumber"`;
    expect(gaps.length).toBeGreaterThan(21);
    for (const row of gaps) {
      expect(row.highest).toBe(row.gifts);
      expect(row.counter).toBe(row.gifts);
    }
  });

  it("has monthly pledges beside the demo's two, their instalments paid in full by the gifts naming them", async () => {
    expect(seeded.pledges).toBe(3);
    const paid = await funding.database.client.$queryRaw<{ due: bigint; paid: bigint }[]>`
      SELECT i."amountFen" AS due, SUM(d."amountFen")::bigint AS paid
      FROM "PledgeInstalment" i JOIN "Donation" d ON d."pledgeInstalmentId" = i."id"
      GROUP BY i."id", i."amountFen"`;
    expect(paid.length).toBeGreaterThan(2);
    for (const row of paid) expect(row.paid).toBe(row.due);
  });

  it("designates gifts to the scale's homes only (the bureau's to the sports centre), and loads nothing twice", async () => {
    const { homes, facilities } = fundingWorld(scale.seed, scale.homes);
    const homeIds = new Set(homes.map((home) => home.id));
    const sites = await funding.database.client.donation.findMany({
      where: { siteId: { not: null } },
      distinct: ["siteId"],
      select: { siteId: true, fund: { select: { code: true } } },
    });
    expect(sites.length).toBeGreaterThan(1);
    const toHomes = sites.filter(({ siteId }) => siteId !== facilities.sportsCentre.id);
    expect(toHomes).toHaveLength(sites.length - 1);
    for (const { siteId, fund } of toHomes) {
      expect(homeIds.has(siteId!)).toBe(true);
      expect(fund.code).not.toBe("SPORTS_LOTTERY");
    }
    // Each city's mobile library, delivered to the city's mobile-library site.
    const { data } = await funding.execute(
      `{ inKindGifts(fundCode: "LOVE_FUND", first: 50) { edges { node { category deliveries(first: 50) { edges { node { site { id } } } } } } } }`,
    );
    const libraries = data?.inKindGifts.edges.find(
      (edge: any) => edge.node.category === "MOBILE_LIBRARY",
    ).node;
    expect(libraries.deliveries.edges.map((edge: any) => edge.node.site.id).sort()).toEqual(
      facilities.mobileLibraries.map((library) => library.id).sort(),
    );
    const again = await seedFunding(funding.database.client, { scale });
    expect(again.donations).toBe(0);
    expect(await funding.database.client.donation.count()).toBe(4000);
  });
});
