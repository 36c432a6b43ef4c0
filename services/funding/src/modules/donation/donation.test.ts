import { DonationEventType } from "@lamplight/events";
import {
  announceOrganisations,
  announceSites,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { seedFunds } from "../../seed/index.js";
import { fundingService } from "../../testing.js";
import { donationInput, expectLedgerBalanced, RECORD_DONATION } from "./donation.fixtures.js";

const HOME = "a0000000-0000-4000-8000-00000000000a";
const ORGANISATION = "0c000000-0000-4000-8000-000000000001";

let funding: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  // The home and donor these gifts name, as sites and people announce them.
  await announceSites(funding, [{ id: HOME, countyCode: "510703" }]);
  await announceOrganisations(funding, [{ id: ORGANISATION, name: "四川省慈善总会" }]);
  await seedFunds(funding.database.client);
  officer = await identityHeaders({
    subject: "finance-1",
    roles: ["FINANCE_OFFICER"],
    regionScope: "510000",
  });
});
afterEach(() => expectLedgerBalanced(funding.database.client));
afterAll(() => funding?.close());

const record = (input: Record<string, unknown>, headers = officer) =>
  funding.execute(RECORD_DONATION, { input }, headers);

describe("recordDonation", () => {
  it("writes the gift, a balanced journal entry and the fund's next receipt number", async () => {
    const { data, errors } = await record(
      donationInput(
        { designation: { purpose: "BUILDING_HOMES", siteId: HOME }, fundCode: "CITY_510700" },
        4321,
      ),
    );
    expect(errors).toBeUndefined();
    expect(data?.recordDonation).toMatchObject({
      receiptNumber: "CITY_510700-2026-000001",
      donorName: "张明",
      receivedOn: "2026-03-10",
      reversed: false,
      amount: { fen: 432_100, currency: "CNY", amount: "4321.00" },
      fund: { code: "CITY_510700" },
      designation: { purpose: "BUILDING_HOMES", site: { id: HOME }, projectId: null },
      journalEntry: {
        kind: "DONATION",
        lines: [
          { account: { code: "BANK", kind: "ASSET_BANK", purpose: null }, amount: { fen: 432_100 } },
          {
            account: { code: "INCOME_BUILDING_HOMES", kind: "INCOME_DONATIONS", purpose: "BUILDING_HOMES" },
            amount: { fen: -432_100 },
          },
        ],
      },
    });
    const fund = await funding.execute(`{ fund(code: "CITY_510700") { balance { fen } raised { amount } } }`);
    expect(fund.data?.fund).toEqual({ balance: { fen: 432_100 }, raised: { amount: "4321.00" } });
  });

  it("is idempotent: the same key twice gives one donation with one receipt", async () => {
    const input = donationInput({ fundCode: "CITY_510100" }, 200);
    const first = await record(input);
    const again = await record(input);
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data?.recordDonation.id).toBe(first.data?.recordDonation.id);
    expect(again.data?.recordDonation.receiptNumber).toBe("CITY_510100-2026-000001");
    const client = funding.database.client;
    expect(await client.donation.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    const fund = await client.fund.findUniqueOrThrow({ where: { code: "CITY_510100" } });
    expect(await client.journalEntry.count({ where: { fundId: fund.id } })).toBe(1);

    // The same key raced in parallel still gives one donation.
    const raced = donationInput({ fundCode: "CITY_510100" }, 300);
    const answers = await Promise.all(Array.from({ length: 5 }, () => record(raced)));
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(new Set(answers.map((answer) => answer.data?.recordDonation.receiptNumber))).toEqual(
      new Set(["CITY_510100-2026-000002"]),
    );
    expect(await client.journalEntry.count({ where: { fundId: fund.id } })).toBe(2);
  });

  it("refuses a key reused for a different gift with CONFLICT", async () => {
    const input = donationInput({ fundCode: "CITY_510300" }, 100);
    await record(input);
    const { errors } = await record({ ...input, amount: { fen: 99_900 } });
    expect(errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("numbers parallel donations 1..10 with no gap and no duplicate", async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        record(donationInput({ fundCode: "CITY_510400" }, 100 + index)),
      ),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const numbers = answers.map((answer) => answer.data?.recordDonation.receiptNumber).sort();
    expect(numbers).toEqual(
      Array.from({ length: 10 }, (_, index) => `CITY_510400-2026-${String(index + 1).padStart(6, "0")}`),
    );
    const fund = await funding.execute(`{ fund(code: "CITY_510400") { balance { fen } } }`);
    expect(fund.data?.fund.balance.fen).toBe(
      Array.from({ length: 10 }, (_, i) => (100 + i) * 100).reduce((a, b) => a + b),
    );
  });

  it("numbers receipts per year of receipt", async () => {
    const first = await record(donationInput({ fundCode: "CITY_510500", receivedOn: "2025-12-31" }));
    const second = await record(donationInput({ fundCode: "CITY_510500", receivedOn: "2026-01-01" }));
    expect(first.data?.recordDonation.receiptNumber).toBe("CITY_510500-2025-000001");
    expect(second.data?.recordDonation.receiptNumber).toBe("CITY_510500-2026-000001");
  });

  it.each([
    ["a zero amount", { amount: { fen: 0 } }, "input.amount.fen"],
    ["a negative amount", { amount: { fen: -500 } }, "input.amount.fen"],
    ["a fund that is none", { fundCode: "NO_SUCH_FUND" }, "input.fundCode"],
    ["a day in the future", { receivedOn: "2099-01-01" }, "input.receivedOn"],
    ["both an organisation and a name", { donorOrganisationId: ORGANISATION }, "input.donorName"],
    ["no donor on a named gift", { donorName: null }, "input.donorName"],
  ])("refuses %s with BAD_USER_INPUT naming the field", async (_, overrides, field) => {
    const before = await funding.database.client.donation.count();
    const { data, errors } = await record(donationInput(overrides));
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(JSON.stringify(errors?.[0]?.extensions)).toContain(field);
    expect(await funding.database.client.donation.count()).toBe(before);
  });

  it("accepts an anonymous gift without any donor", async () => {
    const { data, errors } = await record(
      donationInput({ donorName: null, anonymous: true, channel: "CASH" }),
    );
    expect(errors).toBeUndefined();
    expect(data?.recordDonation).toMatchObject({ anonymous: true, donorName: null, channel: "CASH" });
  });
});

describe("donations and totals", () => {
  it("lists donations newest first, filtered by fund, donor and dates", async () => {
    const fundCode = "CITY_510600";
    await record(donationInput({ fundCode, receivedOn: "2026-01-05" }, 10));
    await record(
      donationInput(
        { fundCode, receivedOn: "2026-02-05", donorName: null, donorOrganisationId: ORGANISATION },
        20,
      ),
    );
    await record(donationInput({ fundCode, receivedOn: "2026-03-05" }, 30));
    const LIST = `query($filter: DonationFilter) { donations(filter: $filter, first: 10) {
      totalCount edges { node { receivedOn amount { fen } donorOrganisation { id } } } } }`;
    const all = await funding.execute(LIST, { filter: { fundCode } }, officer);
    expect(all.data?.donations.totalCount).toBe(3);
    expect(all.data?.donations.edges.map((edge: any) => edge.node.receivedOn)).toEqual([
      "2026-03-05",
      "2026-02-05",
      "2026-01-05",
    ]);
    const byDonor = await funding.execute(LIST, { filter: { donorOrganisationId: ORGANISATION } }, officer);
    expect(byDonor.data?.donations.edges).toEqual([
      { node: { receivedOn: "2026-02-05", amount: { fen: 2000 }, donorOrganisation: { id: ORGANISATION } } },
    ]);
    const window = await funding.execute(
      LIST,
      { filter: { fundCode, from: "2026-02-01", to: "2026-02-28" } },
      officer,
    );
    expect(window.data?.donations.totalCount).toBe(1);
  });

  it("totals donations by fund, city, month, year and purpose for the public", async () => {
    const fundCode = "CITY_510800";
    await record(
      donationInput({ fundCode, receivedOn: "2025-11-02", designation: { purpose: "EQUIPMENT" } }, 500),
    );
    await record(
      donationInput({ fundCode, receivedOn: "2026-04-02", designation: { purpose: "EQUIPMENT" } }, 700),
    );
    const TOTALS = `query($groupBy: FundingGroupBy!, $fundCode: String, $from: Date, $to: Date) {
      fundingTotals(groupBy: $groupBy, fundCode: $fundCode, from: $from, to: $to) { key label amount { amount } donations } }`;
    const byMonth = await funding.execute(TOTALS, { groupBy: "MONTH", fundCode });
    expect(byMonth.data?.fundingTotals).toEqual([
      { key: "2025-11", label: "2025-11", amount: { amount: "500.00" }, donations: 1 },
      { key: "2026-04", label: "2026-04", amount: { amount: "700.00" }, donations: 1 },
    ]);
    const byYear = await funding.execute(TOTALS, { groupBy: "YEAR", fundCode, from: "2026-01-01" });
    expect(byYear.data?.fundingTotals).toEqual([
      { key: "2026", label: "2026", amount: { amount: "700.00" }, donations: 1 },
    ]);
    const byPurpose = await funding.execute(TOTALS, { groupBy: "PURPOSE", fundCode });
    expect(byPurpose.data?.fundingTotals).toEqual([
      { key: "EQUIPMENT", label: "EQUIPMENT", amount: { amount: "1200.00" }, donations: 2 },
    ]);
    const byCity = await funding.execute(TOTALS, { groupBy: "CITY" });
    const guangyuan = byCity.data?.fundingTotals.find((total: any) => total.key === "510800");
    expect(guangyuan).toMatchObject({ label: "广元市", amount: { amount: "1200.00" }, donations: 2 });
    const byFund = await funding.execute(TOTALS, { groupBy: "FUND" });
    expect(byFund.data?.fundingTotals.find((total: any) => total.key === fundCode)).toMatchObject({
      label: "广元市关爱留守学生专项资金",
      amount: { amount: "1200.00" },
    });
  });

  it("totals by donor without naming anyone who asked to stay anonymous, and by designation", async () => {
    const fundCode = "CITY_511900";
    await record(donationInput({ fundCode, donorName: "李雷" }, 100));
    await record(donationInput({ fundCode, donorName: "韩梅梅", anonymous: true }, 200));
    await record(donationInput({ fundCode, donorName: null, anonymous: true }, 300));
    await record(
      donationInput(
        {
          fundCode,
          donorName: null,
          donorOrganisationId: ORGANISATION,
          designation: { purpose: "EQUIPMENT", siteId: HOME },
        },
        400,
      ),
    );
    const byDonor = await funding.execute(
      `{ fundingTotals(groupBy: DONOR, fundCode: "${fundCode}") { key label amount { amount } donations } }`,
    );
    expect(byDonor.data?.fundingTotals).toEqual([
      { key: "ANONYMOUS", label: "匿名捐赠者", amount: { amount: "500.00" }, donations: 2 },
      { key: "INDIVIDUAL:李雷", label: "李雷", amount: { amount: "100.00" }, donations: 1 },
      {
        key: `ORGANISATION:${ORGANISATION}`,
        label: ORGANISATION,
        amount: { amount: "400.00" },
        donations: 1,
      },
    ]);
    expect(JSON.stringify(byDonor.data)).not.toContain("韩梅梅");
    const organisations = await funding.execute(
      `{ fundingTotals(groupBy: DONOR, fundCode: "${fundCode}") { key organisation { id } } }`,
    );
    expect(organisations.data?.fundingTotals.map((total: any) => total.organisation)).toEqual([
      null,
      null,
      { id: ORGANISATION },
    ]);
    const byDesignation = await funding.execute(
      `{ fundingTotals(groupBy: DESIGNATION, fundCode: "${fundCode}") { key amount { amount } } }`,
    );
    expect(byDesignation.data?.fundingTotals).toEqual([
      { key: `EQUIPMENT:SITE:${HOME}`, amount: { amount: "400.00" } },
      { key: "GENERAL", amount: { amount: "600.00" } },
    ]);
  });

  it("reads balance and raised of a page of funds with one aggregate query", async () => {
    const before = funding.statements();
    const { data, errors } = await funding.execute(
      `{ funds(first: 30) { edges { node { code balance { fen } raised { fen } } } } }`,
    );
    expect(errors).toBeUndefined();
    // One for the page of funds, one for every fund's totals.
    expect(funding.statements() - before).toBe(2);
    expect(data?.funds.edges).toHaveLength(23);
    for (const { node } of data?.funds.edges ?? []) expect(node.balance.fen).toBe(node.raised.fen);
  });
});

// Last: the gifts these write would change the listings and totals above.
describe("a recorded gift", () => {
  it("announces the gift once as donation.received, naming the giving organisation and no person", async () => {
    const input = donationInput(
      { donorOrganisationId: ORGANISATION, donorName: null, fundCode: "CITY_510300" },
      1234,
    );
    const { data, errors } = await record(input);
    expect(errors).toBeUndefined();
    await record(input);
    const id = data?.recordDonation.id as string;
    const events = await funding.database.client.outboxEvent.findMany({ where: { key: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: DonationEventType.RECEIVED, version: 1, entity: "Donation" });
    expect(events[0]?.payload).toEqual({
      id,
      fundCode: "CITY_510300",
      amount: "1234.00",
      currency: "CNY",
      receiptNumber: data?.recordDonation.receiptNumber,
      receivedAt: "2026-03-10",
      donorOrganisationId: ORGANISATION,
    });
    // An individual's gift is announced without them.
    const personal = await record(donationInput({ fundCode: "CITY_510300" }, 5));
    const [event] = await funding.database.client.outboxEvent.findMany({
      where: { key: personal.data?.recordDonation.id },
    });
    expect(event?.payload).toMatchObject({ amount: "5.00", donorOrganisationId: null });
    expect(JSON.stringify(event?.payload)).not.toContain("张明");
  });
});
