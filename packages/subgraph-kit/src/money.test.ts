import { describe, expect, it } from "vitest";
import { money } from "./money.js";
import { Currency, Money } from "./scalars.js";

describe("money (a stored amount as Money)", () => {
  it("reads integer fen and the stored currency code exactly", () => {
    const stored = money(2n ** 60n + 1n, "CNY");
    expect(stored).toBeInstanceOf(Money);
    expect(stored.currency).toBe(Currency.CNY);
    expect(stored.amount).toBe("11529215046068469.77");
  });

  it("takes yuan when the row names no currency", () => {
    expect(money(12_345n)).toMatchObject({ fen: 12_345, currency: Currency.CNY, amount: "123.45" });
  });

  it("refuses a currency code Money does not know", () => {
    expect(() => money(100n, "USD")).toThrow(/unknown currency USD/);
  });
});
