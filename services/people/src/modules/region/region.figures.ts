import { PROVINCE_CODE } from "@lamplight/regions";
import {
  aggregateLoader,
  type FigureGroup,
  protectFigures,
  regionFigureGroups,
  sumByRegion,
} from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import { NeedCategory } from "../need/need.type.js";
import type { CountySiteCount } from "../student/student.repository.js";
import { VolunteerKind } from "../volunteer/volunteer.type.js";

/**
 * The published figures: what everyone who may not see the individuals counted is shown. Each
 * family of figures is computed for the whole province at once, because whether a figure is
 * withheld depends on its neighbours in the table (docs/decisions/0035): a home's count and its
 * county's, a county's and its city's. One GROUP BY per family, shared between requests.
 */
export type PublishedFigures = ReadonlyMap<string, number | null>;

export const homeKey = (siteId: string) => `site:${siteId}`;
export const needKey = (category: NeedCategory, regionCode: string) => `${category}:${regionCode}`;
export const volunteerKey = (regionCode: string, kind?: VolunteerKind) =>
  kind ? `${regionCode}:${kind}` : regionCode;

/**
 * Children who consented to statistics, per region and per home. A home belongs to the county most
 * of its counted children live in; a county's total is at least the sum of its homes, the rest
 * being children who attend none (never published, but derivable, so protected like a figure).
 */
export function publishedChildren(rows: readonly CountySiteCount[], threshold: number): PublishedFigures {
  const values = sumByRegion(rows, (row) => row.count);
  const homeCounties = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!row.siteId) continue;
    const key = homeKey(row.siteId);
    values.set(key, (values.get(key) ?? 0) + row.count);
    const counties = homeCounties.get(key) ?? new Map<string, number>();
    counties.set(row.regionCode, (counties.get(row.regionCode) ?? 0) + row.count);
    homeCounties.set(key, counties);
  }
  const homesOfCounty = new Map<string, string[]>();
  for (const [home, counties] of homeCounties) {
    const [county] = [...counties].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
    homesOfCounty.set(county, [...(homesOfCounty.get(county) ?? []), home]);
  }
  const groups: FigureGroup<string>[] = regionFigureGroups((code) => code);
  for (const [county, homes] of homesOfCounty)
    groups.push({ total: county, parts: homes, exhaustive: false });
  return protectFigures(values, groups, threshold);
}

/** Consenting children with a need of each category per region; each category is a table of its own. */
export function publishedNeeds(
  rows: readonly { regionCode: string; category: NeedCategory; consenting: number }[],
  threshold: number,
): PublishedFigures {
  const values = new Map<string, number>();
  const groups: FigureGroup<string>[] = [];
  for (const category of Object.values(NeedCategory)) {
    const sums = sumByRegion(
      rows.filter((row) => row.category === category),
      (row) => row.consenting,
    );
    for (const [code, sum] of sums) values.set(needKey(category, code), sum);
    groups.push(...regionFigureGroups((code) => needKey(category, code)));
  }
  return protectFigures(values, groups, threshold);
}

/**
 * Active volunteers per region and per region and kind: a region's kinds add up to its total, and
 * each kind, like the total, adds up over the regions below.
 */
export function publishedVolunteers(
  rows: readonly { regionCode: string; kind: VolunteerKind; count: number }[],
  threshold: number,
): PublishedFigures {
  const values = sumByRegion(rows, (row) => row.count);
  const kinds = Object.values(VolunteerKind);
  const groups: FigureGroup<string>[] = regionFigureGroups((code) => volunteerKey(code));
  for (const kind of kinds) {
    const sums = sumByRegion(
      rows.filter((row) => row.kind === kind),
      (row) => row.count,
    );
    for (const [code, sum] of sums) values.set(volunteerKey(code, kind), sum);
    groups.push(...regionFigureGroups((code) => volunteerKey(code, kind)));
  }
  for (const code of [...values.keys()].filter((key) => !key.includes(":"))) {
    groups.push({
      total: volunteerKey(code),
      parts: kinds.map((kind) => volunteerKey(code, kind)),
      exhaustive: true,
    });
  }
  return protectFigures(values, groups, threshold);
}

// One key: every family is computed for the whole province, whichever figure was asked for.
const PROVINCE = [PROVINCE_CODE] as const;

export function publishedChildrenLoader(context: PeopleContext) {
  return aggregateLoader<string, PublishedFigures>(context, "published.children", async (keys) => {
    const figures = publishedChildren(
      await context.students.countConsentingByCountyAndSite(),
      context.suppressBelow,
    );
    return keys.map(() => figures);
  });
}

export function publishedNeedsLoader(context: PeopleContext) {
  return aggregateLoader<string, PublishedFigures>(context, "published.needs", async (keys) => {
    const figures = publishedNeeds(
      await context.needs.countChildrenByCounty(PROVINCE),
      context.suppressBelow,
    );
    return keys.map(() => figures);
  });
}

export function publishedVolunteersLoader(context: PeopleContext) {
  return aggregateLoader<string, PublishedFigures>(context, "published.volunteers", async (keys) => {
    const figures = publishedVolunteers(
      await context.volunteers.countActiveByCountyAndKind(PROVINCE),
      context.suppressBelow,
    );
    return keys.map(() => figures);
  });
}

/** A published figure: a region or home nobody counted in shows 0. */
export async function published(
  loader: ReturnType<typeof publishedChildrenLoader>,
  key: string,
): Promise<number | null> {
  const figures = await loader.load(PROVINCE_CODE);
  return figures.has(key) ? (figures.get(key) ?? null) : 0;
}
