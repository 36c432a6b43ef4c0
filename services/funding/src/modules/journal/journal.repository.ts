import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { JournalEntryKind } from "../../generated/prisma/enums.js";
import type { ChartAccount } from "../fund/fund.chart.js";
import type { LineDraft } from "./journal.rules.js";
import type { JournalEntryRow } from "./journal.type.js";

/** The unique index that lets an entry be reversed at most once. */
export const REVERSED_ONCE = "JournalEntry_reversesId_key";

const WITH_LINES = { lines: { include: { account: true }, orderBy: { amountFen: "desc" } } } as const;

/** An entry to post: its fund, what it is, and its lines. */
export interface EntryDraft {
  fundId: string;
  memo: string;
  kind: JournalEntryKind;
  reversesId?: string | null;
  /** The grant the entry awards, pays or accounts for. */
  grantId?: string | null;
  createdBy: string;
  lines: LineDraft[];
}

/** The ledger's own totals, per currency: zero when every entry balances. */
export interface CurrencySum {
  currency: string;
  totalFen: bigint;
}

/** The only code in this service that touches journal entries, their lines and the funds' accounts. */
export class JournalRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /**
   * Writes an entry and all its lines in one statement each, inside the caller's transaction; the
   * database checks the lines balance as the statement ends (the JournalLine_balanced trigger).
   */
  async insertEntry(tx: Prisma.TransactionClient, draft: EntryDraft): Promise<{ id: string }> {
    const { lines, ...entry } = draft;
    const created = await tx.journalEntry.create({ data: entry, select: { id: true } });
    await tx.journalLine.createMany({ data: lines.map((line) => ({ ...line, entryId: created.id })) });
    return created;
  }

  /** One entry with its lines and accounts, as the caller's transaction sees it. */
  findWithLines(tx: Prisma.TransactionClient, id: string): Promise<JournalEntryRow> {
    return tx.journalEntry.findUniqueOrThrow({ where: { id }, include: WITH_LINES });
  }

  /** The ids of a fund's accounts with these codes, by code (the ones it has). */
  async accountsByCode(
    tx: Prisma.TransactionClient,
    fundId: string,
    codes: readonly string[],
  ): Promise<Map<string, string>> {
    const accounts = await tx.account.findMany({ where: { fundId, code: { in: [...codes] } } });
    return new Map(accounts.map((account) => [account.code, account.id]));
  }

  /** Adds the accounts a fund lacks (ON CONFLICT DO NOTHING: concurrent callers agree). */
  async addAccounts(tx: Prisma.TransactionClient, accounts: ChartAccount[]): Promise<void> {
    await tx.account.createMany({ data: accounts, skipDuplicates: true });
  }

  /** The donation an entry records, if it records one. */
  donationOf(tx: Prisma.TransactionClient, entryId: string) {
    return tx.donation.findUnique({ where: { journalEntryId: entryId } });
  }

  /** One query for any number of ids, with every entry's lines and accounts. */
  findByIds(ids: readonly string[]): Promise<JournalEntryRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.journalEntry.findMany({ where: { id: { in: valid } }, include: WITH_LINES });
  }

  /** The reversals of many entries, in one query, by the id of the entry each reverses. */
  async reversalsOf(entryIds: readonly string[]): Promise<Map<string, JournalEntryRow>> {
    const valid = entryIds.filter(isUuid);
    const reversals = new Map<string, JournalEntryRow>();
    if (valid.length === 0) return reversals;
    const rows = await this.prisma.journalEntry.findMany({
      where: { reversesId: { in: valid } },
      include: WITH_LINES,
    });
    for (const row of rows) reversals.set(row.reversesId!, row);
    return reversals;
  }

  /** A fund's entries, newest first, a page at a time. */
  list(fundId: string, page: PageRequest): Promise<ConnectionResult<JournalEntryRow>> {
    const entries = this.prisma.journalEntry;
    return paginate<JournalEntryRow>(
      {
        findMany: (args) => entries.findMany({ ...args, include: WITH_LINES }),
        count: (args) => entries.count(args),
      },
      {
        where: { fundId },
        order: [
          { field: "postedAt", direction: "desc" },
          { field: "id", direction: "desc" },
        ],
        page,
      },
    );
  }

  /** Every line of the ledger summed per currency (the trial balance): each sum is zero. */
  async sumsByCurrency(): Promise<CurrencySum[]> {
    const rows = await this.prisma.$queryRaw<{ currency: string; totalFen: bigint }[]>`
      SELECT "currency"::text AS "currency", COALESCE(SUM("amountFen"), 0)::bigint AS "totalFen"
      FROM "JournalLine" GROUP BY "currency" ORDER BY "currency"`;
    return rows.map((row) => ({ currency: row.currency, totalFen: BigInt(row.totalFen) }));
  }
}
