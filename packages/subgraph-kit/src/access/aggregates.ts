import { maySeeIndividuals, type Principal } from "./principal.js";

/** Counts below this are suppressed for roles that may not see individuals (configurable per service). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/**
 * A count as the principal may see it: exact for roles that may see individuals; otherwise null
 * when it is small enough (1 to threshold − 1) to point at a child. Zero reveals no one and stays.
 */
export function visibleCount(
  principal: Principal,
  count: number,
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): number | null {
  if (maySeeIndividuals(principal)) return count;
  return count > 0 && count < threshold ? null : count;
}
