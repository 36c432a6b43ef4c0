import { BadUserInputError } from "@lamplight/platform";
import { buildMessage, ValidateBy, type ValidationArguments, type ValidationOptions } from "class-validator";
import { formatFen, type MoneyInput } from "./scalars.js";

/**
 * The rules every subgraph's input classes share: a range's end is not before its start, a count
 * is a whole number within its bounds, an amount of money is positive and not beyond a plausible
 * maximum. Each violation is BAD_USER_INPUT naming the field (see validation.ts), so no resolver
 * repairs a bad value in silence and every input is refused the same way.
 */

const time = (value: unknown): number | null => (value instanceof Date ? value.getTime() : null);

/**
 * The end of a date (or date-time) range: on or after the property `startProperty` of the same
 * input, or strictly after it with `{ strictly: true }` (an expiry after the day of the check).
 * Either end left out passes; the input types say which ends are required.
 */
export function OnOrAfter(
  startProperty: string,
  options: ValidationOptions & { strictly?: boolean } = {},
): PropertyDecorator {
  const { strictly = false, ...validationOptions } = options;
  return ValidateBy(
    {
      name: strictly ? "after" : "onOrAfter",
      constraints: [startProperty],
      validator: {
        validate(value: unknown, args?: ValidationArguments): boolean {
          const end = time(value);
          const start = time((args?.object as Record<string, unknown> | undefined)?.[startProperty]);
          if (end === null || start === null) return value == null || end !== null;
          return strictly ? end > start : end >= start;
        },
        defaultMessage: buildMessage(
          () =>
            `$property must ${validationOptions.each ? "each " : ""}be ${strictly ? "after" : "on or after"} ${startProperty}`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/**
 * A count (or any bounded whole number: places, minutes, a score, a year): an integer from `min`
 * to `max`, both included. GraphQL's Int already refuses fractions and values past 32 bits; this
 * says what the programme allows, in one message that gives the bounds.
 */
export function IntegerBetween(min: number, max: number, options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: "integerBetween",
      constraints: [min, max],
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === "number" && Number.isInteger(value) && value >= min && value <= max,
        // "weekdays must each be…": the message starts with the field, as validation.ts expects.
        defaultMessage: buildMessage(
          () => `$property must ${options.each ? "each " : ""}be a whole number from ${min} to ${max}`,
          options,
        ),
      },
    },
    options,
  );
}

/** The end of a range given as two plain arguments (not an input class): `to` not before `from`. */
export function checkDateRange(
  range: { from: Date | null; to: Date | null },
  fields: { from: string; to: string } = { from: "from", to: "to" },
): { from: Date | null; to: Date | null } {
  if (range.from && range.to && range.to < range.from) {
    throw new BadUserInputError(`${fields.to} must be on or after ${fields.from}`, { field: fields.to });
  }
  return range;
}

/** A bounded whole number given as a plain argument (a year, `days`, `first`): `IntegerBetween`'s rule. */
export function checkIntegerBetween(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be a whole number from ${min} to ${max}`, { field });
  }
  return value;
}

/**
 * An amount of money given as input, checked and made exact: positive (or, with `allowZero`, not
 * negative) and, when `maxFen` is given, at most that many fen. `field` is the amount's path, e.g.
 * `input.amount`; the error names `<field>.fen`. The maximum is stated in yuan, exactly.
 */
export function checkedFen(
  amount: MoneyInput,
  field: string,
  limits: { maxFen?: bigint; allowZero?: boolean } = {},
): bigint {
  const path = `${field}.fen`;
  if (!Number.isSafeInteger(amount.fen)) {
    throw new BadUserInputError(`${path} must be a whole number of fen`, { field: path });
  }
  const fen = BigInt(amount.fen);
  if (limits.allowZero ? fen < 0n : fen <= 0n) {
    const rule = limits.allowZero ? "must not be negative" : "must be a positive number of fen";
    throw new BadUserInputError(`${path} ${rule}`, { field: path });
  }
  if (limits.maxFen !== undefined && fen > limits.maxFen) {
    const max = formatFen(limits.maxFen);
    throw new BadUserInputError(`${path} is more than the most one record may hold, ${max} yuan`, {
      field: path,
      max,
    });
  }
  return fen;
}
