import { Kind } from "graphql";
import { describe, expect, it } from "vitest";
import { Currency, DateScalar, formatFen, Money } from "./scalars.js";

describe("Money", () => {
  it("formats fen as exact yuan, beyond 32-bit integers", () => {
    expect(formatFen(400_000_000n)).toBe("4000000.00");
    expect(formatFen(2_700_000_000n)).toBe("27000000.00");
    expect(formatFen(11_500_000_000n)).toBe("115000000.00");
    expect(formatFen(5n)).toBe("0.05");
    expect(formatFen(-1234n)).toBe("-12.34");
  });

  it("keeps amounts exact beyond 2^53 fen; only the SafeInt field refuses them", () => {
    const money = Money.of(11_500_000_000n);
    expect(money).toMatchObject({ fen: 11_500_000_000, currency: Currency.CNY, amount: "115000000.00" });
    const huge = Money.of(2n ** 60n + 1n);
    expect(huge.amount).toBe("11529215046068469.77");
    expect(() => huge.fen).toThrow(/beyond a safe integer/);
    expect(() => Money.of(2 ** 60)).toThrow(RangeError);
  });
});

describe("Date scalar", () => {
  it("serialises a date as YYYY-MM-DD", () => {
    expect(DateScalar.serialize(new Date(Date.UTC(2024, 8, 1)))).toBe("2024-09-01");
  });

  it("parses calendar dates and refuses impossible ones", () => {
    expect(DateScalar.parseValue("2024-02-29")).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(() => DateScalar.parseValue("2023-02-29")).toThrow(/not a calendar date/);
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: "1" })).toThrow(/YYYY-MM-DD/);
  });
});
