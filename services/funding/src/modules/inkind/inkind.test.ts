import {
  announceSites,
  entities,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { seedFunds } from "../../seed/index.js";
import { assertLedgerBalanced, fundingService } from "../../testing.js";
import { deliveryValue } from "./inkind.service.js";

const HOMES = ["d0000000-0000-4000-8000-000000000001", "d0000000-0000-4000-8000-000000000002"];

let funding: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  await announceSites(
    funding,
    HOMES.map((id) => ({ id, countyCode: "510703" })),
  );
  await seedFunds(funding.database.client);
  officer = await identityHeaders({
    subject: "finance-1",
    roles: ["FINANCE_OFFICER"],
    regionScope: "510000",
  });
});
afterEach(() => assertLedgerBalanced(funding.database.client));
afterAll(() => funding?.close());

const RECORD = /* GraphQL */ `
  mutation($input: RecordInKindGiftInput!) {
    recordInKindGift(input: $input) { id category description quantity delivered estimatedValue { amount } }
  }
`;
const DELIVER = /* GraphQL */ `
  mutation($input: DeliverInKindGiftInput!) {
    deliverInKindGift(input: $input) { quantity value { fen } site { id } gift { delivered } }
  }
`;

describe("gifts in kind", () => {
  it("splits value exactly: a gift delivered in full moves exactly its estimate", () => {
    const gift = { quantity: 3, estimatedValueFen: 100n };
    const parts = [deliveryValue(gift, 0, 1), deliveryValue(gift, 1, 1), deliveryValue(gift, 2, 1)];
    expect(parts).toEqual([33n, 33n, 34n]);
  });

  it("records phones at estimated value and delivers them to homes, never more than given", async () => {
    const { data, errors } = await funding.execute(
      RECORD,
      {
        input: {
          idempotencyKey: "phones-2026-001",
          fundCode: "LOVE_FUND",
          donorName: "天府移动",
          category: "PHONES",
          description: "亲情电话（IP电话，含优惠资费一年）",
          quantity: 55,
          estimatedValue: { fen: 16_500_000 },
          receivedOn: "2026-02-15",
        },
      },
      officer,
    );
    expect(errors).toBeUndefined();
    const gift = data?.recordInKindGift;
    expect(gift).toMatchObject({
      category: "PHONES",
      quantity: 55,
      delivered: 0,
      estimatedValue: { amount: "165000.00" },
    });
    const deliver = (siteId: string, quantity: number, deliveredOn = "2026-03-01") =>
      funding.execute(DELIVER, { input: { giftId: gift.id, siteId, quantity, deliveredOn } }, officer);
    const first = await deliver(HOMES[0]!, 50);
    expect(first.data?.deliverInKindGift).toMatchObject({
      quantity: 50,
      value: { fen: 15_000_000 },
      gift: { delivered: 50 },
    });
    // Five left: racing deliveries of three each cannot both succeed.
    const race = await Promise.all([
      deliver(HOMES[1]!, 3, "2026-03-02"),
      deliver(HOMES[1]!, 3, "2026-03-02"),
    ]);
    expect(race.filter((answer) => answer.errors === undefined)).toHaveLength(1);
    expect(race.filter((answer) => answer.errors?.[0]?.extensions?.code === "BAD_USER_INPUT")).toHaveLength(
      1,
    );
    expect((await deliver(HOMES[1]!, 2, "2026-03-03")).errors).toBeUndefined();

    const listed = await funding.execute(
      `{ inKindGifts(fundCode: "LOVE_FUND") { edges { node { deliveries(first: 2) { totalCount pageInfo { hasNextPage } edges { node { quantity value { fen } site { id } } } } } } } }`,
    );
    expect(listed.data?.inKindGifts.edges[0].node.deliveries).toEqual({
      totalCount: 3,
      pageInfo: { hasNextPage: true },
      edges: [
        { node: { quantity: 50, value: { fen: 15_000_000 }, site: { id: HOMES[0] } } },
        { node: { quantity: 3, value: { fen: 900_000 }, site: { id: HOMES[1] } } },
      ],
    });
    const homes = await entities(
      funding.url,
      HOMES.map((id) => ({ __typename: "Site", id })),
      "... on Site { inKindReceived { fen } }",
    );
    expect(homes.data?._entities.map((site: any) => site.inKindReceived.fen)).toEqual([
      15_000_000, 1_500_000,
    ]);
    const fund = await funding.database.client.account.findFirstOrThrow({
      where: { code: "IN_KIND_GOODS", fund: { code: "LOVE_FUND" } },
      include: { lines: true },
    });
    expect(fund.lines.reduce((sum, line) => sum + line.amountFen, 0n)).toBe(0n);
    // Gifts in kind are not cash: the fund's bank balance and money raised are untouched.
    const money = await funding.execute(`{ fund(code: "LOVE_FUND") { balance { fen } raised { fen } } }`);
    expect(money.data?.fund).toEqual({ balance: { fen: 0 }, raised: { fen: 0 } });
  });

  it("hides an anonymous donor from the public list", async () => {
    await funding.execute(
      RECORD,
      {
        input: {
          idempotencyKey: "books-anonymous-1",
          fundCode: "LOVE_FUND",
          donorName: "王先生",
          anonymous: true,
          category: "BOOKS",
          description: "课外读物",
          quantity: 500,
          estimatedValue: { fen: 1_000_000 },
          receivedOn: "2026-02-20",
        },
      },
      officer,
    );
    const QUERY = `{ inKindGifts(fundCode: "LOVE_FUND") { edges { node { category donorName } } } }`;
    const open = await funding.execute(QUERY);
    expect(
      open.data?.inKindGifts.edges.find((edge: any) => edge.node.category === "BOOKS").node.donorName,
    ).toBeNull();
    const seen = await funding.execute(QUERY, {}, officer);
    expect(
      seen.data?.inKindGifts.edges.find((edge: any) => edge.node.category === "BOOKS").node.donorName,
    ).toBe("王先生");
  });
});
