import { Currency, Money } from "./scalars.js";

/**
 * A stored amount (integer fen and the currency column) as the shared Money type. Beside the type
 * so that every subgraph storing money reads it back the same way.
 */
export function money(fen: bigint, currency: string = Currency.CNY): Money {
  const code = Currency[currency as keyof typeof Currency];
  if (!code) throw new Error(`unknown currency ${currency}`);
  return Money.of(fen, code);
}
