import type { Currency } from "../../generated/prisma/enums.js";

/** One side of a journal entry before it is written: debit positive, credit negative. */
export interface LineDraft {
  accountId: string;
  amountFen: bigint;
  currency: Currency;
}

/**
 * The double-entry rule, checked before anything is written: at least two lines, none of them
 * zero, summing to zero in every currency. The database checks the sum again after every statement
 * that writes lines (the JournalLine_balanced trigger), so no path around this code can unbalance
 * the ledger.
 */
export function assertBalanced(lines: readonly LineDraft[]): void {
  if (lines.length < 2) throw new Error("a journal entry needs at least two lines");
  const sums = new Map<string, bigint>();
  for (const line of lines) {
    if (line.amountFen === 0n) throw new Error("a journal line must move money");
    sums.set(line.currency, (sums.get(line.currency) ?? 0n) + line.amountFen);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new Error(`journal entry does not balance: ${sum} fen of ${currency} left over`);
  }
}

/** The lines that cancel an entry: the same accounts, every amount negated. */
export function reversingLines(lines: readonly LineDraft[]): LineDraft[] {
  return lines.map((line) => ({
    accountId: line.accountId,
    amountFen: -line.amountFen,
    currency: line.currency,
  }));
}
