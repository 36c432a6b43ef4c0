import { cities, countiesWithin, type RegionRecord } from "@lamplight/regions";
import { DEMO_SEED, type DemoHome, demoHomes, SiteStatus } from "./demo-homes.js";
import { Random } from "./random.js";

// The demo province's children, as every seed that names a child knows them: people loads them
// (with names, guardians, needs and consent drawn from its own stream), campaigns registers them
// for their home's activities. One stream, so a child's id, county and home agree everywhere.

/** How many children the demo province has: a sample of the programme's million, enough to feel real. */
export const DEMO_STUDENT_COUNT = 20_000;
/** Share of children who attend a home where their county has one open. */
export const ATTENDING_A_HOME = 0.85;
/** Children drawn at a time by the seeds that walk a whole province: bounded memory. */
export const DEMO_CHILD_CHUNK = 20_000;

/**
 * The children's stream starts here for a world seed (20261212 for the demo seed): an offset with
 * which the first demo home, the demo site manager's, has three children, so that the public sees
 * its count suppressed and the demo volunteer is paired with all of them.
 */
const CHILDREN_STREAM = 83;

/** What identifies a demo child across the subgraphs: who, where, which home, which grade. */
export interface DemoChild {
  id: string;
  /** The county the child lives in. */
  regionCode: string;
  cityCode: string;
  /** The open home of the county the child attends, or null. */
  siteId: string | null;
  /** 1 to 9: primary school to the last year of middle school. */
  grade: number;
  /** Fits the grade: six on 1 September 2026 for grade 1. */
  birthDate: Date;
}

/** Rural counties hold most left-behind children; urban districts (…区) far fewer (as for the homes). */
function ruralWeight(county: RegionRecord): number {
  return county.population * (county.name.endsWith("区") ? 0.25 : 1);
}

/** Primary grades hold most left-behind children; fewer stay behind once they reach middle school. */
const GRADES: readonly (readonly [number, number])[] = [
  [1, 12],
  [2, 12],
  [3, 12],
  [4, 12],
  [5, 11],
  [6, 11],
  [7, 10],
  [8, 10],
  [9, 10],
];

/**
 * The demo province's children: spread over the counties in proportion to their rural population,
 * mostly in primary school; 85% of those whose county has an open home attend one of its open
 * homes (`homes` are `demoHomes(seed, …)`). Deterministic: the same seed gives the same children.
 */
export function demoChildren(
  seed = DEMO_SEED,
  count = DEMO_STUDENT_COUNT,
  homes: readonly DemoHome[] = demoHomes(seed),
): DemoChild[] {
  return demoChildSource(seed, homes)(count);
}

/**
 * The same children drawn chunk by chunk from one stream: each call returns the next `count`
 * children, so calls of 1,000 then 2,000 give the rows one call of 3,000 gives, and a province of a
 * million is walked a chunk at a time, never held whole.
 */
export function demoChildSource(
  seed: number = DEMO_SEED,
  homes: readonly DemoHome[] = demoHomes(seed),
): (count: number) => DemoChild[] {
  const random = new Random(seed + CHILDREN_STREAM);
  const counties = cities().flatMap((city) =>
    countiesWithin(city.code).map((county) => [county, ruralWeight(county)] as const),
  );
  const homesByCounty = new Map<string, string[]>();
  for (const home of homes) {
    if (home.status !== SiteStatus.OPEN) continue;
    const list = homesByCounty.get(home.regionCode);
    if (list) list.push(home.id);
    else homesByCounty.set(home.regionCode, [home.id]);
  }
  return (count) => {
    const children: DemoChild[] = [];
    for (let i = 0; i < count; i++) {
      const county = random.weighted(counties);
      const grade = random.weighted(GRADES);
      // Six on 1 September for grade 1: born between 1 September, grade + 6 years before, and 31 August.
      const birthDate = random.date(
        new Date(Date.UTC(2026 - grade - 6, 8, 1)),
        new Date(Date.UTC(2026 - grade - 5, 7, 31)),
      );
      const open = homesByCounty.get(county.code);
      const siteId = open && random.chance(ATTENDING_A_HOME) ? random.pick(open) : null;
      children.push({
        id: random.uuid(),
        regionCode: county.code,
        cityCode: county.parent!,
        siteId,
        grade,
        birthDate,
      });
    }
    return children;
  };
}
