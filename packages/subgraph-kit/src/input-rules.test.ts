import { IsOptional, validate } from "class-validator";
import { describe, expect, it } from "vitest";
import { checkDateRange, checkedFen, checkIntegerBetween, IntegerBetween, OnOrAfter } from "./input-rules.js";
import { Currency } from "./scalars.js";
import { fieldProblems } from "./validation.js";

class Stay {
  startsOn!: Date;

  @IsOptional()
  @OnOrAfter("startsOn")
  endsOn?: Date | null;

  @IsOptional()
  @OnOrAfter("startsOn", { strictly: true })
  expiresOn?: Date | null;

  @IntegerBetween(1, 12)
  months!: number;

  @IntegerBetween(1, 7, { each: true })
  weekdays!: number[];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const stay = (values: Partial<Stay>) =>
  Object.assign(new Stay(), { startsOn: day("2026-05-08"), months: 3, weekdays: [6], ...values });
const problems = async (value: Stay) =>
  fieldProblems(await validate(value)).map((problem) => problem.message);

describe("OnOrAfter", () => {
  it("takes an end on or after the start, or none", async () => {
    expect(await problems(stay({ endsOn: day("2026-05-08") }))).toEqual([]);
    expect(await problems(stay({ endsOn: day("2026-05-09"), expiresOn: day("2026-05-09") }))).toEqual([]);
    expect(await problems(stay({ endsOn: null, expiresOn: null }))).toEqual([]);
  });

  it("refuses an end before the start, and an expiry on the start day when it must come after", async () => {
    expect(await problems(stay({ endsOn: day("2026-05-07"), expiresOn: day("2026-05-08") }))).toEqual([
      "endsOn must be on or after startsOn",
      "expiresOn must be after startsOn",
    ]);
  });
});

describe("IntegerBetween", () => {
  it("names the bounds, and checks each value of a list", async () => {
    expect(await problems(stay({ months: 13, weekdays: [0, 6] }))).toEqual([
      "months must be a whole number from 1 to 12",
      "weekdays must each be a whole number from 1 to 7",
    ]);
    expect(await problems(stay({ months: 1.5 }))).toEqual(["months must be a whole number from 1 to 12"]);
  });
});

describe("checkDateRange, checkIntegerBetween and checkedFen", () => {
  it("refuse a reversed range and money that is not positive or above the maximum, naming the field", () => {
    expect(() => checkDateRange({ from: day("2026-05-09"), to: day("2026-05-08") })).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "to" }),
      }),
    );
    expect(checkIntegerBetween(2026, "year", 2000, 2100)).toBe(2026);
    expect(() => checkIntegerBetween(1999, "year", 2000, 2100)).toThrow(
      "year must be a whole number from 2000 to 2100",
    );
    const amount = (fen: number) => ({ fen, currency: Currency.CNY });
    expect(checkedFen(amount(500), "input.amount", { maxFen: 500n })).toBe(500n);
    expect(checkedFen(amount(0), "input.target", { allowZero: true })).toBe(0n);
    for (const [fen, limits] of [
      [0, {}],
      [-1, { allowZero: true }],
      [501, { maxFen: 500n }],
    ] as const) {
      expect(() => checkedFen(amount(fen), "input.amount", limits)).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "input.amount.fen" }),
        }),
      );
    }
  });
});
