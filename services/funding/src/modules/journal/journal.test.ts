import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { seedFunds } from "../../seed/index.js";
import { fundingService } from "../../testing.js";
import { donationInput, expectLedgerBalanced, RECORD_DONATION } from "../donation/donation.fixtures.js";

let funding: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  await seedFunds(funding.database.client);
  officer = await identityHeaders({
    subject: "finance-mianyang",
    roles: ["FINANCE_OFFICER"],
    regionScope: "510700",
  });
});
afterEach(() => expectLedgerBalanced(funding.database.client));
afterAll(() => funding?.close());

const REVERSE = `mutation($id: ID!, $reason: String!) { reverseJournalEntry(id: $id, reason: $reason) {
  id kind memo createdBy reverses { id kind } lines { account { code } amount { fen } } } }`;
const FUND = `{ fund(code: "CITY_510700") { balance { fen } raised { fen } } }`;

describe("reverseJournalEntry", () => {
  it("cancels a donation's entry with a new entry; the original stays as it was", async () => {
    const gift = await funding.execute(
      RECORD_DONATION,
      { input: donationInput({ fundCode: "CITY_510700", designation: { purpose: "EQUIPMENT" } }, 2500) },
      officer,
    );
    const entryId = gift.data?.recordDonation.journalEntry.id;
    const client = funding.database.client;
    const original = await client.journalEntry.findUniqueOrThrow({
      where: { id: entryId },
      include: { lines: true },
    });
    expect((await funding.execute(FUND)).data?.fund).toEqual({
      balance: { fen: 250_000 },
      raised: { fen: 250_000 },
    });

    const { data, errors } = await funding.execute(
      REVERSE,
      { id: entryId, reason: "entered twice" },
      officer,
    );
    expect(errors).toBeUndefined();
    expect(data?.reverseJournalEntry).toMatchObject({
      kind: "REVERSAL",
      memo: `Reversal of ${entryId}: entered twice`,
      createdBy: "finance-mianyang",
      reverses: { id: entryId, kind: "DONATION" },
      lines: [
        { account: { code: "INCOME_EQUIPMENT" }, amount: { fen: 250_000 } },
        { account: { code: "BANK" }, amount: { fen: -250_000 } },
      ],
    });
    expect(data?.reverseJournalEntry.id).not.toBe(entryId);
    expect((await funding.execute(FUND)).data?.fund).toEqual({ balance: { fen: 0 }, raised: { fen: 0 } });
    expect(
      await client.journalEntry.findUniqueOrThrow({ where: { id: entryId }, include: { lines: true } }),
    ).toEqual(original);
    expect(await client.journalEntry.count({ where: { reversesId: entryId } })).toBe(1);

    const donation = await funding.execute(
      `query($id: ID!) { journalEntry(id: $id) { reversedBy { kind } } }`,
      { id: entryId },
      officer,
    );
    expect(donation.data?.journalEntry.reversedBy).toEqual({ kind: "REVERSAL" });
    const listed = await funding.execute(
      `{ fundDonations(fundCode: "CITY_510700") { edges { node { reversed } } } }`,
    );
    expect(listed.data?.fundDonations.edges).toEqual([{ node: { reversed: true } }]);
    const totals = await funding.execute(`{ fundingTotals(groupBy: FUND, fundCode: "CITY_510700") { key } }`);
    expect(totals.data?.fundingTotals).toEqual([]);

    // Reversed once only, and a reversal is not reversed.
    const twice = await funding.execute(REVERSE, { id: entryId, reason: "again" }, officer);
    expect(twice.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const ofReversal = await funding.execute(
      REVERSE,
      { id: data?.reverseJournalEntry.id, reason: "undo" },
      officer,
    );
    expect(ofReversal.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("settles two reversals of one entry racing: one wins, the other is CONFLICT", async () => {
    const gift = await funding.execute(
      RECORD_DONATION,
      { input: donationInput({ fundCode: "CITY_510700" }, 10) },
      officer,
    );
    const id = gift.data?.recordDonation.journalEntry.id;
    const answers = await Promise.all(
      [1, 2, 3].map(() => funding.execute(REVERSE, { id, reason: "race" }, officer)),
    );
    expect(answers.filter((answer) => answer.errors === undefined)).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === "CONFLICT")).toHaveLength(2);
  });

  it("is refused outside the fund's region, for the public, and for unknown entries", async () => {
    const gift = await funding.execute(
      RECORD_DONATION,
      { input: donationInput({ fundCode: "CITY_510700" }, 10) },
      officer,
    );
    const id = gift.data?.recordDonation.journalEntry.id;
    const chengdu = await identityHeaders({ roles: ["FINANCE_OFFICER"], regionScope: "510100" });
    expect(
      (await funding.execute(REVERSE, { id, reason: "mine" }, chengdu)).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect((await funding.execute(REVERSE, { id, reason: "mine" })).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    const unknown = await funding.execute(
      REVERSE,
      { id: "00000000-0000-4000-8000-000000000000", reason: "none" },
      officer,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const blank = await funding.execute(REVERSE, { id, reason: "  " }, officer);
    expect(blank.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("the ledger's guarantees in the database", () => {
  it("refuses to edit or remove entries, lines and donations", async () => {
    const client = funding.database.client;
    await expect(client.journalLine.updateMany({ data: { amountFen: 1n } })).rejects.toThrow();
    await expect(client.journalLine.deleteMany({})).rejects.toThrow();
    await expect(client.journalEntry.updateMany({ data: { memo: "changed" } })).rejects.toThrow();
    await expect(client.donation.deleteMany({})).rejects.toThrow();
  });

  it("refuses an entry whose lines do not balance, even when the code's check is bypassed", async () => {
    const client = funding.database.client;
    const fund = await client.fund.findUniqueOrThrow({
      where: { code: "CITY_510700" },
      include: { accounts: true },
    });
    const before = await client.journalEntry.count();
    // As JournalService.post writes an entry, without its assertBalanced: the trigger refuses the lines.
    await expect(
      client.$transaction(async (tx) => {
        const entry = await tx.journalEntry.create({
          data: { fundId: fund.id, memo: "unbalanced", kind: "DONATION", createdBy: "test" },
        });
        await tx.journalLine.createMany({
          data: [
            { entryId: entry.id, accountId: fund.accounts[0]!.id, amountFen: 100n },
            { entryId: entry.id, accountId: fund.accounts[1]!.id, amountFen: -99n },
          ],
        });
      }),
    ).rejects.toThrow();
    expect(await client.journalEntry.count()).toBe(before);
    // Nor may a line be added to an entry that balanced.
    const [entry] = await client.journalEntry.findMany({ take: 1 });
    await expect(
      client.journalLine.create({
        data: { entryId: entry!.id, accountId: fund.accounts[0]!.id, amountFen: 1n },
      }),
    ).rejects.toThrow();
  });

  it("lists a fund's journal for its finance officer, newest first", async () => {
    const { data, errors } = await funding.execute(
      `{ journalEntries(fundCode: "CITY_510700", first: 2) { totalCount edges { node { kind postedAt fund { code } } } } }`,
      {},
      officer,
    );
    expect(errors).toBeUndefined();
    expect(data?.journalEntries.totalCount).toBeGreaterThan(2);
    const posted = data?.journalEntries.edges.map((edge: any) => edge.node.postedAt);
    expect([...posted].sort().reverse()).toEqual(posted);
    expect(data?.journalEntries.edges.every((edge: any) => edge.node.fund.code === "CITY_510700")).toBe(true);
  });
});
