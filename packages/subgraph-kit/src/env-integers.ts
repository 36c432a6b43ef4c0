import { z } from "zod";

/**
 * A whole-number environment variable of at least `min`, with a default: for a service's own
 * limits (e.g. how many children one volunteer may be paired with).
 */
export const integerVariable = (defaultValue: number, min = 1) =>
  z.coerce.number().int().min(min).default(defaultValue);
