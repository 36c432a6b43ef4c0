import { violatesUniqueConstraint } from "@lamplight/db-kit";
import {
  BadUserInputError,
  ConflictError,
  type ConnectionResult,
  formatFen,
  isUuid,
  type PageRequest,
  paginate,
} from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { JournalEntryKind } from "../../generated/prisma/enums.js";
import { lockDesignation, poolBalance } from "../designation/designation.repository.js";
import { chartOfAccounts } from "../fund/fund.chart.js";
import { assertBalanced, type LineDraft, reversingLines } from "./journal.rules.js";
import type { JournalEntryRow } from "./journal.type.js";

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

/**
 * Posts a journal entry inside the caller's transaction: checks the lines balance, then writes the
 * entry and all its lines in one statement, which the database checks again as the statement ends
 * (the JournalLine_balanced trigger). The check is not deferred to COMMIT on purpose: an error raised
 * at COMMIT is lost by the PGlite driver adapter, which would report a rolled-back entry as written.
 */
export async function postEntry(tx: Prisma.TransactionClient, draft: EntryDraft): Promise<{ id: string }> {
  assertBalanced(draft.lines);
  const { lines, ...entry } = draft;
  const created = await tx.journalEntry.create({ data: entry, select: { id: true } });
  await tx.journalLine.createMany({ data: lines.map((line) => ({ ...line, entryId: created.id })) });
  return created;
}

/**
 * The ids of a fund's accounts by code. A fund created before an account joined the chart of
 * accounts gets the missing accounts first (ON CONFLICT DO NOTHING: concurrent callers agree).
 */
export async function accountIds(
  tx: Prisma.TransactionClient,
  fundId: string,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const find = async () =>
    new Map(
      (await tx.account.findMany({ where: { fundId, code: { in: [...codes] } } })).map((account) => [
        account.code,
        account.id,
      ]),
    );
  let ids = await find();
  if (ids.size < new Set(codes).size) {
    await tx.account.createMany({
      data: chartOfAccounts(fundId, () => crypto.randomUUID()),
      skipDuplicates: true,
    });
    ids = await find();
  }
  for (const code of codes) if (!ids.has(code)) throw new Error(`fund ${fundId} has no account ${code}`);
  return ids;
}

/**
 * A gift whose money has already been granted cannot be taken back: under the designation's lock,
 * the pool must still cover its grants once the gift is gone.
 */
async function assertNotGranted(tx: Prisma.TransactionClient, entryId: string): Promise<void> {
  const donation = await tx.donation.findUnique({ where: { journalEntryId: entryId } });
  if (!donation) return;
  const key = {
    fundId: donation.fundId,
    purpose: donation.purpose,
    siteId: donation.siteId,
    projectId: donation.projectId,
  };
  const designationId = await lockDesignation(tx, key);
  const pool = await poolBalance(tx, key, designationId);
  if (pool.availableFen < donation.amountFen) {
    throw new ConflictError(
      `Donation ${donation.receiptNumber} cannot be reversed: ${formatFen(donation.amountFen - pool.availableFen)} yuan of its designation is already granted`,
      { id: entryId },
    );
  }
}

/** The ledger's own totals, per currency: zero when every entry balances. */
export interface CurrencySum {
  currency: string;
  totalFen: bigint;
}

/** The only code in this service that reads journal entries and posts reversals. */
export class JournalRepository {
  constructor(private readonly prisma: PrismaClient) {}

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

  /**
   * Cancels an entry by posting its mirror image, in one transaction; the original is never
   * touched. An entry is reversed at most once (a unique index on reversesId settles a race), and
   * a reversal is not itself reversed: post a new entry instead.
   */
  async reverse(entry: JournalEntryRow, reason: string, createdBy: string): Promise<JournalEntryRow> {
    if (entry.kind === JournalEntryKind.REVERSAL) {
      throw new BadUserInputError("A reversing entry cannot itself be reversed; post a new entry instead", {
        field: "id",
      });
    }
    if (entry.kind !== JournalEntryKind.DONATION) {
      throw new BadUserInputError(
        "Only a donation's entry is corrected by reversing it; grants and gifts in kind are corrected through their own operations",
        { field: "id" },
      );
    }
    const lines: LineDraft[] = reversingLines(
      entry.lines.map((line) => ({
        accountId: line.accountId,
        amountFen: line.amountFen,
        currency: line.currency,
      })),
    );
    try {
      return await this.prisma.$transaction(async (tx) => {
        await assertNotGranted(tx, entry.id);
        const { id } = await postEntry(tx, {
          fundId: entry.fundId,
          memo: `Reversal of ${entry.id}: ${reason}`,
          kind: JournalEntryKind.REVERSAL,
          reversesId: entry.id,
          createdBy,
          lines,
        });
        return tx.journalEntry.findUniqueOrThrow({ where: { id }, include: WITH_LINES });
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, "JournalEntry_reversesId_key")) {
        throw new ConflictError(`Journal entry ${entry.id} has already been reversed`, { id: entry.id });
      }
      throw error;
    }
  }

  /** Every line of the ledger summed per currency (the trial balance): each sum is zero. */
  async sumsByCurrency(): Promise<CurrencySum[]> {
    const rows = await this.prisma.$queryRaw<{ currency: string; totalFen: bigint }[]>`
      SELECT "currency"::text AS "currency", COALESCE(SUM("amountFen"), 0)::bigint AS "totalFen"
      FROM "JournalLine" GROUP BY "currency" ORDER BY "currency"`;
    return rows.map((row) => ({ currency: row.currency, totalFen: BigInt(row.totalFen) }));
  }
}
