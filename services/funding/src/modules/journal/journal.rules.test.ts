import { describe, expect, it } from "vitest";
import { Currency } from "../../generated/prisma/enums.js";
import { assertBalanced, type LineDraft, reversingLines } from "./journal.rules.js";

const CASH = "00000000-0000-4000-8000-0000000000a1";
const FUND = "00000000-0000-4000-8000-0000000000a2";
const line = (accountId: string, amountFen: bigint, currency: Currency = Currency.CNY): LineDraft => ({
  accountId,
  amountFen,
  currency,
});

describe("the double-entry rule", () => {
  it("accepts a gift received: cash debited, the fund credited by the same amount", () => {
    expect(() => assertBalanced([line(CASH, 50_000n), line(FUND, -50_000n)])).not.toThrow();
  });

  it("refuses an entry with a single line", () => {
    expect(() => assertBalanced([line(CASH, 50_000n)])).toThrow("at least two lines");
  });

  it("refuses a line that moves no money", () => {
    expect(() => assertBalanced([line(CASH, 0n), line(FUND, 0n)])).toThrow("must move money");
  });

  it("refuses an entry that leaves money over, and says how much", () => {
    expect(() => assertBalanced([line(CASH, 50_000n), line(FUND, -49_999n)])).toThrow(
      "1 fen of CNY left over",
    );
  });

  it("reverses an entry line by line, and the reversal balances too", () => {
    const entry = [line(CASH, 50_000n), line(FUND, -50_000n)];
    const reversal = reversingLines(entry);
    expect(reversal).toEqual([line(CASH, -50_000n), line(FUND, 50_000n)]);
    expect(() => assertBalanced(reversal)).not.toThrow();
    expect(entry[0]?.amountFen).toBe(50_000n);
  });
});
