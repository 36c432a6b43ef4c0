import { z } from "zod";

/**
 * A whole-number environment variable of at least `min` (and at most `max`, when given), with a
 * default: for a service's own limits (e.g. how many children one volunteer may be paired with).
 */
export const integerVariable = (defaultValue: number, min = 1, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(defaultValue);
