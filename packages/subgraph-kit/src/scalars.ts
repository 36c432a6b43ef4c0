import { ErrorCode } from "@lamplight/platform";
import { isoDay } from "@lamplight/regions";
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { DateTimeResolver, SafeIntResolver } from "graphql-scalars";
import { Directive, Field, InputType, ObjectType, registerEnumType } from "type-graphql";

/** An instant, serialised as an ISO-8601 string with offset. */
export const DateTimeScalar = DateTimeResolver;

/** Integers up to ±2^53−1: money in fen passes Int's 32-bit limit at about 21 million yuan. */
export const SafeIntScalar = SafeIntResolver;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): Date {
  if (typeof value !== "string") throw new GraphQLError("Date must be a string in the form YYYY-MM-DD");
  const match = DATE_PATTERN.exec(value);
  if (!match) throw new GraphQLError(`"${value}" is not a date in the form YYYY-MM-DD`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (isoDay(date) !== value) throw new GraphQLError(`"${value}" is not a calendar date`);
  return date;
}

/** A calendar date without time or zone (YYYY-MM-DD); held as a Date at UTC midnight. */
export const DateScalar = new GraphQLScalarType<Date, string>({
  name: "Date",
  description: "A calendar date in the form YYYY-MM-DD, without time or time zone.",
  serialize(value) {
    if (value instanceof Date) return isoDay(value);
    if (typeof value === "string") return isoDay(parseDate(value));
    throw new GraphQLError("Date cannot represent a non-date value");
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Date must be a string in the form YYYY-MM-DD");
    return parseDate(ast.value);
  },
});

export enum Currency {
  CNY = "CNY",
}
registerEnumType(Currency, { name: "Currency", description: "ISO 4217 currency code." });

/** Fen per yuan: amounts are always whole fen. */
const FEN_PER_UNIT = 100n;

/** Formats integer fen as an exact decimal string of yuan, e.g. 400000000 → "4000000.00". */
export function formatFen(fen: bigint): string {
  const negative = fen < 0n;
  const absolute = negative ? -fen : fen;
  const units = absolute / FEN_PER_UNIT;
  const cents = (absolute % FEN_PER_UNIT).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${units}.${cents}`;
}

/**
 * An exact amount of money. Never a float: integer fen (a BigInt, exact at any size) with the
 * currency. `amount` is exact for every value; `fen` is a SafeInt, so a sum beyond 2^53 − 1 fen
 * (about 90 trillion yuan) errors on that one field only and is read from `amount` (decision 0032).
 */
@Directive("@shareable")
@ObjectType({ description: "An exact amount of money: integer fen (1/100 yuan) and its currency." })
export class Money {
  /** The exact amount in fen. */
  exactFen!: bigint;

  @Field(() => SafeIntScalar, { description: "The amount in fen (1 yuan = 100 fen)." })
  get fen(): number {
    const value = Number(this.exactFen);
    if (!Number.isSafeInteger(value)) {
      throw new GraphQLError(
        `${this.exactFen} fen is beyond a safe integer; read the exact decimal from amount`,
        {
          extensions: { code: ErrorCode.AMOUNT_BEYOND_SAFE_INTEGER },
        },
      );
    }
    return value;
  }

  @Field(() => Currency)
  currency!: Currency;

  @Field(() => String, { description: 'The amount in yuan as an exact decimal string, e.g. "4000000.00".' })
  get amount(): string {
    return formatFen(this.exactFen);
  }

  static of(fen: bigint | number, currency: Currency = Currency.CNY): Money {
    if (typeof fen === "number" && !Number.isSafeInteger(fen)) {
      throw new RangeError(`${fen} fen is not a whole, exact number of fen; pass a bigint`);
    }
    const money = new Money();
    money.exactFen = BigInt(fen);
    money.currency = currency;
    return money;
  }
}

@InputType({ description: "An exact amount of money in integer fen." })
export class MoneyInput {
  @Field(() => SafeIntScalar, { description: "The amount in fen (1 yuan = 100 fen)." })
  fen!: number;

  @Field(() => Currency, { defaultValue: Currency.CNY })
  currency!: Currency;
}
