import { announceSites, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "./generated/prisma/client.js";
import {
  donationInput,
  expectLedgerBalanced,
  RECORD_DONATION,
} from "./modules/donation/donation.fixtures.js";
import { seedFunds } from "./seed/index.js";
import { createServer } from "./server.js";
import { fundingService } from "./testing.js";

const HOME = "a0000000-0000-4000-8000-00000000000a";
const GRANT = "9a000000-0000-4000-8000-000000000001";
/** The default maximum of one money record (DEFAULT_MAX_GIFT_YUAN), in fen. */
const DEFAULT_MAX_FEN = 50_000_000 * 100;

let funding: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  await announceSites(funding, [{ id: HOME, countyCode: "510703" }]);
  await seedFunds(funding.database.client);
  officer = await identityHeaders({
    subject: "finance-1",
    roles: ["FINANCE_OFFICER"],
    regionScope: "510000",
  });
});
afterEach(() => expectLedgerBalanced(funding.database.client));
afterAll(() => funding?.close());

/** What the funding database holds of money: nothing of a refused input may reach it. */
async function written(client: PrismaClient) {
  const [donations, entries, pledges, gifts, grants] = await Promise.all([
    client.donation.count(),
    client.journalEntry.count(),
    client.pledge.count(),
    client.inKindGift.count(),
    client.grant.count(),
  ]);
  return { donations, entries, pledges, gifts, grants };
}

describe("the most one money record may hold (MAX_GIFT_YUAN)", () => {
  it("refuses a gift above the maximum with BAD_USER_INPUT and writes nothing; the maximum itself is accepted", async () => {
    const before = await written(funding.database.client);
    // Ten trillion yuan (10^15 fen): a SafeInt, so it reaches the resolver, and is refused there.
    for (const fen of [DEFAULT_MAX_FEN + 1, 1_000_000_000_000_000]) {
      const { data, errors } = await funding.execute(
        RECORD_DONATION,
        { input: donationInput({ amount: { fen, currency: "CNY" } }) },
        officer,
      );
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.amount.fen",
        max: "50000000.00",
      });
    }
    expect(await written(funding.database.client)).toEqual(before);

    const largest = await funding.execute(
      RECORD_DONATION,
      { input: donationInput({ amount: { fen: DEFAULT_MAX_FEN, currency: "CNY" } }) },
      officer,
    );
    expect(largest.errors).toBeUndefined();
    expect(largest.data?.recordDonation.amount).toEqual({
      fen: DEFAULT_MAX_FEN,
      currency: "CNY",
      amount: "50000000.00",
    });
  });

  it("holds every money input to the same maximum: pledges (each instalment and the total), gifts in kind, grants, payments and spending", async () => {
    const before = await written(funding.database.client);
    const over = { fen: DEFAULT_MAX_FEN + 1, currency: "CNY" };
    const half = { fen: DEFAULT_MAX_FEN / 2 + 1, currency: "CNY" };
    const pledge = (instalments: unknown[]) => ({
      idempotencyKey: `pledge-${Math.random()}`,
      fundCode: "LOVE_FUND",
      donorName: "王芳",
      designation: { purpose: "GENERAL" },
      pledgedOn: "2026-03-01",
      instalments,
    });
    const cases: [string, string, Record<string, unknown>, string][] = [
      [
        "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }",
        "an instalment above the maximum",
        pledge([{ dueOn: "2026-04-01", amount: over }]),
        "input.instalments.0.amount.fen",
      ],
      [
        "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }",
        "instalments adding up to more than the maximum",
        pledge([
          { dueOn: "2026-04-01", amount: half },
          { dueOn: "2026-05-01", amount: half },
        ]),
        "input.instalments",
      ],
      [
        "mutation($input: RecordInKindGiftInput!) { recordInKindGift(input: $input) { id } }",
        "goods valued above the maximum",
        {
          idempotencyKey: "in-kind-over-the-maximum",
          fundCode: "LOVE_FUND",
          donorName: "某书店",
          category: "BOOKS",
          description: "儿童图书",
          quantity: 1000,
          estimatedValue: over,
          receivedOn: "2026-03-01",
        },
        "input.estimatedValue.fen",
      ],
      [
        "mutation($input: ProposeGrantInput!) { proposeGrant(input: $input) { id } }",
        "a grant above the maximum",
        {
          idempotencyKey: "grant-over-the-maximum",
          fundCode: "LOVE_FUND",
          designation: { purpose: "GENERAL" },
          recipientKind: "SITE",
          siteId: HOME,
          regionCode: "510703",
          title: "建设留守学生之家",
          description: "一所新的留守学生之家",
          amount: over,
        },
        "input.amount.fen",
      ],
      [
        "mutation($input: DisburseGrantInput!) { disburseGrant(input: $input) { id } }",
        "a payment above the maximum",
        { idempotencyKey: "payment-over-the-maximum", grantId: GRANT, amount: over, paidOn: "2026-03-01" },
        "input.amount.fen",
      ],
      [
        "mutation($input: ReportExpenditureInput!) { reportGrantExpenditure(input: $input) { id } }",
        "spending above the maximum",
        {
          idempotencyKey: "spending-over-the-maximum",
          grantId: GRANT,
          amount: over,
          spentOn: "2026-03-01",
          category: "CONSTRUCTION",
          description: "施工费用",
        },
        "input.amount.fen",
      ],
    ];
    for (const [mutation, what, input, field] of cases) {
      const { data, errors } = await funding.execute(mutation, { input }, officer);
      expect(data, what).toBeNull();
      expect(errors?.[0]?.extensions, what).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await written(funding.database.client)).toEqual(before);
  });

  it("is a setting: a subgraph started with MAX_GIFT_YUAN of 1000 refuses 1000.01 yuan and takes 1000", async () => {
    const small = await startSubgraph({
      ...fundingService,
      createServer: (deps) => createServer({ ...deps, maxGiftYuan: 1000 }),
    });
    try {
      await seedFunds(small.database.client);
      const over = await small.execute(
        RECORD_DONATION,
        { input: donationInput({ amount: { fen: 100_001, currency: "CNY" } }) },
        officer,
      );
      expect(over.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", max: "1000.00" });
      expect(await small.database.client.donation.count()).toBe(0);
      const most = await small.execute(RECORD_DONATION, { input: donationInput({}, 1000) }, officer);
      expect(most.errors).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});

describe("totals beyond 2^53 fen", () => {
  // Two gifts whose sum, 9,007,199,254,740,997 fen, is odd and past 2^53: a JS number would round
  // it to ...996 or ...998, so only a sum kept in BigInt from SQL to the response prints it right.
  const GIFTS = [4_503_599_627_370_497n, 4_503_599_627_370_500n];
  const TOTAL = "90071992547409.97";

  beforeAll(async () => {
    // Written directly, as the ledger's own writer does (the entry with both its lines in one
    // statement, then the gift): the maximum forbids such gifts through the API.
    const client = funding.database.client;
    const fund = await client.fund.findUniqueOrThrow({ where: { code: "CITY_510700" } });
    const accounts = await client.account.findMany({ where: { fundId: fund.id } });
    const account = (code: string) => accounts.find((candidate) => candidate.code === code)!.id;
    for (const [index, fen] of GIFTS.entries()) {
      const entry = await client.journalEntry.create({
        data: {
          fundId: fund.id,
          memo: "a gift past any plausible size",
          kind: "DONATION",
          createdBy: "test",
          lines: {
            create: [
              { accountId: account("BANK"), amountFen: fen },
              { accountId: account("INCOME_GENERAL"), amountFen: -fen },
            ],
          },
        },
      });
      await client.donation.create({
        data: {
          idempotencyKey: `beyond-2-53-${index}`,
          fundId: fund.id,
          donorName: "测试",
          amountFen: fen,
          receivedOn: new Date("2026-03-10"),
          channel: "BANK_TRANSFER",
          purpose: "GENERAL",
          receiptNumber: `CITY_510700-2026-9${String(index).padStart(5, "0")}`,
          journalEntryId: entry.id,
          recordedBy: "test",
        },
      });
    }
  });

  it("answers amount exactly in fundingTotals, fund.raised and Region.fundsRaised; fen alone errors", async () => {
    const exact = await funding.execute(`{
      fundingTotals(groupBy: FUND, fundCode: "CITY_510700") { key amount { amount currency } }
      fund(code: "CITY_510700") { raised { amount } balance { amount } }
      _entities(representations: [{ __typename: "Region", code: "510700" }]) {
        ... on Region { fundsRaised { amount } }
      }
    }`);
    expect(exact.errors).toBeUndefined();
    expect(exact.data?.fundingTotals).toEqual([
      { key: "CITY_510700", amount: { amount: TOTAL, currency: "CNY" } },
    ]);
    expect(exact.data?.fund).toEqual({ raised: { amount: TOTAL }, balance: { amount: TOTAL } });
    expect(exact.data?._entities).toEqual([{ fundsRaised: { amount: TOTAL } }]);

    // `fen` is non-null, so its error empties each answer: one figure a query.
    const unsafe: [string, string][] = [
      [
        `{ fundingTotals(groupBy: FUND, fundCode: "CITY_510700") { amount { fen } } }`,
        "fundingTotals.0.amount.fen",
      ],
      [`{ fund(code: "CITY_510700") { raised { fen } } }`, "fund.raised.fen"],
      [
        `{ _entities(representations: [{ __typename: "Region", code: "510700" }]) { ... on Region { fundsRaised { fen } } } }`,
        "_entities.0.fundsRaised.fen",
      ],
    ];
    for (const [query, path] of unsafe) {
      const { errors } = await funding.execute(query);
      expect(errors?.map((error) => [error.path?.join("."), error.extensions?.code])).toEqual([
        [path, "AMOUNT_BEYOND_SAFE_INTEGER"],
      ]);
      expect(errors?.[0]?.message).toMatch(/read the exact decimal from amount/);
    }
  });
});
