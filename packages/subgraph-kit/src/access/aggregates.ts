import { coversRegion, managesSite, type Principal, Role } from "@lamplight/platform";
import { ancestorsOf, childrenOf, PROVINCE_CODE } from "@lamplight/regions";

/** Counts below this are suppressed for whoever may not see the individuals behind them (configurable per service). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** The officials who see every child and volunteer of their region (finance officers' scope is money only). */
const OFFICIALS: readonly Role[] = [Role.CITY_ADMIN, Role.COUNTY_OFFICER];

/**
 * Whether the principal may see every individual counted in a figure about these regions (the
 * counties or homes the counted people live in or attend): a province admin; a city admin or
 * county officer whose region covers all of them; a site manager for a figure about one of their
 * homes. Only they get the exact figure; everyone else, whatever their role, gets the published one.
 */
export function seesEveryoneCounted(
  principal: Principal,
  counted: { regionCodes: readonly string[]; siteId?: string | null },
): boolean {
  if (principal.roles.includes(Role.PROVINCE_ADMIN)) return true;
  if (counted.siteId && managesSite(principal, counted.siteId)) return true;
  return (
    counted.regionCodes.length > 0 &&
    counted.regionCodes.every((code) => coversRegion(principal, code, OFFICIALS))
  );
}

/**
 * The small-count rule on its own: null when a count is small enough (1 to threshold − 1) to point
 * at a person. Zero reveals no one and stays. Figures that sit in a table with totals go through
 * `protectFigures` instead, so that a suppressed one cannot be recovered by subtraction.
 */
export function suppressSmall(count: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): number | null {
  return count > 0 && count < threshold ? null : count;
}

/**
 * One additive relation between published figures: `total` is the sum of `parts` (exhaustive), or
 * at least their sum, the rest counted in no published figure (a county's children minus those of
 * its homes: the children who attend none).
 */
export interface FigureGroup<Key> {
  total: Key;
  parts: readonly Key[];
  exhaustive: boolean;
}

/**
 * Small-count suppression with complementary suppression (docs/decisions/0035): the published
 * value of every figure, null where withheld. A figure from 1 to threshold − 1 is withheld; then,
 * for every group, until nothing changes, the smallest shown non-zero part is withheld too (the
 * total itself when no part is left to withhold) while one of these holds:
 *
 * - what the withheld parts add up to (the total minus the shown parts, with what no part counts)
 *   is from 1 to threshold − 1, or a withheld part is the group's only unknown. This is checked
 *   whether or not the total is shown: a total withheld to protect its neighbours can still be
 *   worked out by someone who knows one of them exactly (staff see their own region's figures);
 * - the total is shown and someone who knows one withheld part exactly (its county's officer, its
 *   home's manager) would be left with a small remainder, or with one small withheld part alone;
 * - the total is withheld, and the group is exhaustive with every part shown: their sum gives it.
 *
 * Deterministic (ties by key order), so every request and every replica withhold the same cells,
 * and a figure cannot be recovered by asking for it in another company.
 */
export function protectFigures<Key>(
  values: ReadonlyMap<Key, number>,
  groups: readonly FigureGroup<Key>[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): Map<Key, number | null> {
  const withheld = new Set<Key>();
  for (const [key, value] of values) if (suppressSmall(value, threshold) === null) withheld.add(key);
  const countOf = (key: Key) => values.get(key) ?? 0;
  const small = (count: number) => count > 0 && count < threshold;
  const byValueThenKey = (a: Key, b: Key) => countOf(a) - countOf(b) || String(a).localeCompare(String(b));

  /** Whether the total minus every part outside `hidden` leaves a small count, or one small part alone. */
  const givesAway = (group: FigureGroup<Key>, hidden: readonly Key[]) => {
    const rest = hidden.reduce((sum, part) => sum + countOf(part), 0);
    const remainder = countOf(group.total) - group.parts.reduce((sum, part) => sum + countOf(part), 0);
    const restWithNoPart = rest + (group.exhaustive ? 0 : remainder);
    const unknowns = hidden.length + (group.exhaustive ? 0 : 1);
    return small(restWithNoPart) || (hidden.length > 0 && unknowns < 2 && small(countOf(hidden[0]!)));
  };

  const exposed = (group: FigureGroup<Key>) => {
    const hidden = group.parts.filter((part) => withheld.has(part));
    const totalShown = !withheld.has(group.total);
    if (!totalShown && group.exhaustive && hidden.length === 0) {
      return group.parts.some((part) => countOf(part) > 0);
    }
    // A lone withheld part is given away by its total, small or not: it then protects nothing.
    if (hidden.length === 1 && group.exhaustive) return true;
    if (givesAway(group, hidden)) return true;
    return (
      totalShown &&
      hidden.some((known) =>
        givesAway(
          group,
          hidden.filter((part) => part !== known),
        ),
      )
    );
  };

  let changed = threshold > 1;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (!exposed(group)) continue;
      const part = group.parts
        .filter((candidate) => !withheld.has(candidate) && countOf(candidate) > 0)
        .sort(byValueThenKey)[0];
      if (part !== undefined) withheld.add(part);
      else if (!withheld.has(group.total)) withheld.add(group.total);
      else continue;
      changed = true;
    }
  }
  const published = new Map<Key, number | null>();
  for (const [key, value] of values) published.set(key, withheld.has(key) ? null : value);
  return published;
}

/**
 * The figures of every region from per-county rows: each county its own rows, each city and the
 * province the sum of the counties within them.
 */
export function sumByRegion<Row extends { regionCode: string }>(
  rows: readonly Row[],
  value: (row: Row) => number,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    for (const code of [row.regionCode, ...ancestorsOf(row.regionCode).map((region) => region.code)]) {
      sums.set(code, (sums.get(code) ?? 0) + value(row));
    }
  }
  return sums;
}

/** The province is the sum of its cities, a city the sum of its counties: one group each, keyed by `keyOf`. */
export function regionFigureGroups<Key>(keyOf: (regionCode: string) => Key): FigureGroup<Key>[] {
  const groups: FigureGroup<Key>[] = [];
  const visit = (code: string) => {
    const below = childrenOf(code);
    if (below.length === 0) return;
    groups.push({ total: keyOf(code), parts: below.map((region) => keyOf(region.code)), exhaustive: true });
    for (const region of below) visit(region.code);
  };
  visit(PROVINCE_CODE);
  return groups;
}
