import { Currency, Money } from "@lamplight/subgraph-kit";

/** A stored amount (integer fen and the currency column) as the shared Money type. */
export function money(fen: bigint, currency: string = Currency.CNY): Money {
  const code = Currency[currency as keyof typeof Currency];
  if (!code) throw new Error(`unknown currency ${currency}`);
  return Money.of(fen, code);
}
