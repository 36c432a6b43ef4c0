import { fundingService, seedFunds } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders, type StartedSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Money through the gateway: ten trillion yuan in one gift is refused, and the public totals of
// a fund that somehow holds more than 2^53 fen still answer, exactly, in `amount`.

type FundingClient = Parameters<typeof seedFunds>[0];

let graph: StartedGraph;
let funding: StartedSubgraph<FundingClient>;
let officer: Record<string, string>;

const RECORD = `mutation($input: RecordDonationInput!) { recordDonation(input: $input) { id amount { amount } } }`;

const gift = (key: string, fen: number) => ({
  idempotencyKey: key,
  donorName: "张明",
  amount: { fen, currency: "CNY" },
  receivedOn: "2026-03-10",
  channel: "BANK_TRANSFER",
  fundCode: "CITY_510700",
  designation: { purpose: "GENERAL" },
});

beforeAll(async () => {
  graph = await startGraph([sitesService, fundingService]);
  funding = graph.subgraphs.funding as StartedSubgraph<FundingClient>;
  await seedFunds(funding.database.client);
  officer = await bearerHeaders({ subject: "finance-1", roles: ["FINANCE_OFFICER"], region: "510000" });
});
afterAll(() => graph?.close());

describe("one gift", () => {
  it("refuses ten trillion yuan with BAD_USER_INPUT and records nothing", async () => {
    const { data, errors } = await graph.execute(
      RECORD,
      { input: gift("ten-trillion-yuan", 1_000_000_000_000_000) },
      officer,
    );
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.amount.fen",
      max: "50000000.00",
    });
    expect(await funding.database.client.donation.count()).toBe(0);
  });
});

describe("public totals past 2^53 fen", () => {
  // 9,007,199,254,740,997 fen: odd and past 2^53, so any JS number on the way would round it.
  const GIFTS = [4_503_599_627_370_497n, 4_503_599_627_370_500n];
  const TOTAL = "90071992547409.97";

  beforeAll(async () => {
    // Written directly, as the ledger's writer does: the maximum per gift forbids it through the API.
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

  it("answers amount exactly in fundingTotals, fund.raised and Region.fundsRaised", async () => {
    const { data, errors } = await graph.execute(`{
      fundingTotals(groupBy: FUND, fundCode: "CITY_510700") { amount { amount } }
      fund(code: "CITY_510700") { raised { amount } }
      region(code: "510700") { fundsRaised { amount } }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      fundingTotals: [{ amount: { amount: TOTAL } }],
      fund: { raised: { amount: TOTAL } },
      region: { fundsRaised: { amount: TOTAL } },
    });
  });

  it("errors on fen alone, with AMOUNT_BEYOND_SAFE_INTEGER (not masked), pointing to amount", async () => {
    const cases: [string, string][] = [
      [
        `{ fundingTotals(groupBy: FUND, fundCode: "CITY_510700") { amount { fen } } }`,
        "fundingTotals.0.amount.fen",
      ],
      [`{ fund(code: "CITY_510700") { raised { fen } } }`, "fund.raised.fen"],
      [`{ region(code: "510700") { name fundsRaised { fen } } }`, "region.fundsRaised.fen"],
    ];
    for (const [query, path] of cases) {
      const { errors } = await graph.execute(query);
      expect(errors?.[0]?.extensions?.code, query).toBe("AMOUNT_BEYOND_SAFE_INTEGER");
      expect(errors?.[0]?.path?.join("."), query).toBe(path);
      expect(errors?.[0]?.message).toMatch(/read the exact decimal from amount/);
    }
  });
});
