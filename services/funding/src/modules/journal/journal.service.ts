import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError } from "@lamplight/platform";
import { formatFen } from "@lamplight/subgraph-kit";
import type { Prisma } from "../../generated/prisma/client.js";
import { JournalEntryKind } from "../../generated/prisma/enums.js";
import { lockDesignation, poolBalance } from "../designation/designation.repository.js";
import { chartOfAccounts } from "../fund/fund.chart.js";
import { type EntryDraft, type JournalRepository, REVERSED_ONCE } from "./journal.repository.js";
import { assertBalanced, reversingLines } from "./journal.rules.js";
import type { JournalEntryRow } from "./journal.type.js";

/**
 * The ledger's commands: every posting of this service (a gift, a grant's award, payment and
 * spending, a gift in kind) goes through `post`, inside the transaction of the command that makes it.
 */
export class JournalService {
  constructor(private readonly journal: JournalRepository) {}

  /**
   * Posts a journal entry inside the caller's transaction: checks the lines balance, then writes the
   * entry and all its lines, which the database checks again as the statement ends (the
   * JournalLine_balanced trigger). The check is not deferred to COMMIT on purpose: an error raised
   * at COMMIT is lost by the PGlite driver adapter, which would report a rolled-back entry as written.
   */
  post(tx: Prisma.TransactionClient, draft: EntryDraft): Promise<{ id: string }> {
    assertBalanced(draft.lines);
    return this.journal.insertEntry(tx, draft);
  }

  /**
   * The ids of a fund's accounts by code. A fund created before an account joined the chart of
   * accounts gets the missing accounts first (concurrent callers agree on them).
   */
  async accountIds(
    tx: Prisma.TransactionClient,
    fundId: string,
    codes: readonly string[],
  ): Promise<Map<string, string>> {
    let ids = await this.journal.accountsByCode(tx, fundId, codes);
    if (ids.size < new Set(codes).size) {
      await this.journal.addAccounts(
        tx,
        chartOfAccounts(fundId, () => crypto.randomUUID()),
      );
      ids = await this.journal.accountsByCode(tx, fundId, codes);
    }
    for (const code of codes) if (!ids.has(code)) throw new Error(`fund ${fundId} has no account ${code}`);
    return ids;
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
    const lines = reversingLines(
      entry.lines.map((line) => ({
        accountId: line.accountId,
        amountFen: line.amountFen,
        currency: line.currency,
      })),
    );
    try {
      return await this.journal.transaction(async (tx) => {
        await this.assertNotGranted(tx, entry.id);
        const { id } = await this.post(tx, {
          fundId: entry.fundId,
          memo: `Reversal of ${entry.id}: ${reason}`,
          kind: JournalEntryKind.REVERSAL,
          reversesId: entry.id,
          createdBy,
          lines,
        });
        return this.journal.findWithLines(tx, id);
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, REVERSED_ONCE)) {
        throw new ConflictError(`Journal entry ${entry.id} has already been reversed`, { id: entry.id });
      }
      throw error;
    }
  }

  /**
   * A gift whose money has already been granted cannot be taken back: under the designation's lock,
   * the pool must still cover its grants once the gift is gone.
   */
  private async assertNotGranted(tx: Prisma.TransactionClient, entryId: string): Promise<void> {
    const donation = await this.journal.donationOf(tx, entryId);
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
}
