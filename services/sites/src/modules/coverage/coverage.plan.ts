// Coverage arithmetic: pure, unit-tested.

/** The places a new home is planned with (the median capacity of the programme's homes). */
export const NEW_HOME_CAPACITY = 60;

/** Places per child: open capacity / children; null when the count is unknown, suppressed or zero. */
export function coverageRatio(capacity: number, children: number | null | undefined): number | null {
  if (children === null || children === undefined || children <= 0) return null;
  return Math.round((capacity / children) * 10000) / 10000;
}

/** How many new homes of NEW_HOME_CAPACITY it takes to give every child a place; null when unknown. */
export function homesNeeded(capacity: number, children: number | null | undefined): number | null {
  if (children === null || children === undefined) return null;
  return Math.max(0, Math.ceil((children - capacity) / NEW_HOME_CAPACITY));
}

/** A region's need for new homes, from its places and its children. */
export interface Need {
  code: string;
  children: number | null;
  capacity: number;
  homesNeeded: number | null;
  coverageRatio: number | null;
}

/**
 * Regions by need, most in need first: the most new homes needed, then the fewest places per
 * child, then code. Regions whose child count is unknown or suppressed come last.
 */
export function byNeed<Entry extends Need>(needs: readonly Entry[]): Entry[] {
  const missingLast = (value: number | null, direction: 1 | -1) =>
    value === null ? Number.POSITIVE_INFINITY : direction * value;
  return [...needs].sort(
    (a, b) =>
      missingLast(a.homesNeeded, -1) - missingLast(b.homesNeeded, -1) ||
      missingLast(a.coverageRatio, 1) - missingLast(b.coverageRatio, 1) ||
      a.code.localeCompare(b.code),
  );
}
