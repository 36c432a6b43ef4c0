import { cities, countiesWithin, getRegion, type RegionRecord } from "@lamplight/regions";
import { DEMO_SEED, type DemoHome, demoHomes } from "./demo-homes.js";
import { DEMO_VOLUNTEER_ID } from "./demo-references.js";
import { Random } from "./random.js";

// The demo province's volunteers, as every seed that names a volunteer knows them: people loads
// them (with names, checks, trainings, service and pairings drawn from its own stream), campaigns
// registers the active ones for activities near them. One stream, so ids, counties and statuses agree.

/** How many volunteers the demo province has: a sample of the programme's 110,000. */
export const DEMO_VOLUNTEER_COUNT = 5_000;

/** The kinds of volunteer of the people subgraph (its VolunteerKind enum). */
export const VolunteerKind = {
  COLLEGE_STUDENT: "COLLEGE_STUDENT",
  FIVE_ELDERS: "FIVE_ELDERS",
  OFFICIAL: "OFFICIAL",
  TEACHER: "TEACHER",
  DOCTOR: "DOCTOR",
  LAWYER: "LAWYER",
  PSYCHOLOGICAL_COUNSELLOR: "PSYCHOLOGICAL_COUNSELLOR",
  OTHER: "OTHER",
} as const;
export type VolunteerKind = (typeof VolunteerKind)[keyof typeof VolunteerKind];

/** A volunteer's standing (the people subgraph's VolunteerStatus): only ACTIVE ones serve. */
export const VolunteerStatus = {
  APPLIED: "APPLIED",
  VETTED: "VETTED",
  ACTIVE: "ACTIVE",
  INACTIVE: "INACTIVE",
} as const;
export type VolunteerStatus = (typeof VolunteerStatus)[keyof typeof VolunteerStatus];

/** What identifies a demo volunteer across the subgraphs. */
export interface DemoVolunteer {
  id: string;
  /** The county the volunteer lives and serves in. */
  regionCode: string;
  cityCode: string;
  kind: VolunteerKind;
  status: VolunteerStatus;
}

/** The volunteers' stream starts here for a world seed (20261202 for the demo seed, as before). */
const VOLUNTEERS_STREAM = 73;

const KINDS: readonly (readonly [VolunteerKind, number])[] = [
  [VolunteerKind.COLLEGE_STUDENT, 34],
  [VolunteerKind.FIVE_ELDERS, 20],
  [VolunteerKind.OFFICIAL, 12],
  [VolunteerKind.TEACHER, 15],
  [VolunteerKind.DOCTOR, 5],
  [VolunteerKind.LAWYER, 3],
  [VolunteerKind.PSYCHOLOGICAL_COUNSELLOR, 4],
  [VolunteerKind.OTHER, 7],
];
const STATUSES: readonly (readonly [VolunteerStatus, number])[] = [
  [VolunteerStatus.ACTIVE, 76],
  [VolunteerStatus.VETTED, 7],
  [VolunteerStatus.APPLIED, 7],
  [VolunteerStatus.INACTIVE, 10],
];

/**
 * The demo province's volunteers: spread over the counties by population, about a third college
 * students, 76% active. The first is the demo volunteer account's record (`DEMO_VOLUNTEER_ID`): an
 * active teacher in the county of `firstHome`, the first demo home (Yanting County, 510723, for the
 * demo homes), whose children people pairs with them. Deterministic from the seed.
 */
export function demoVolunteers(
  seed = DEMO_SEED,
  count = DEMO_VOLUNTEER_COUNT,
  firstHome: DemoHome = demoHomes(seed)[0]!,
): DemoVolunteer[] {
  return demoVolunteerSource(seed, firstHome)(count);
}

/**
 * The same volunteers drawn chunk by chunk from one stream: each call returns the next `count`, the
 * first call opening with the demo volunteer, so any split into calls gives the same volunteers.
 */
export function demoVolunteerSource(
  seed: number = DEMO_SEED,
  firstHome: DemoHome = demoHomes(seed)[0]!,
): (count: number) => DemoVolunteer[] {
  const random = new Random(seed + VOLUNTEERS_STREAM);
  const counties: (readonly [RegionRecord, number])[] = cities().flatMap((city) =>
    countiesWithin(city.code).map((county) => [county, county.population] as const),
  );
  let first = true;
  return (count) => {
    const volunteers: DemoVolunteer[] = [];
    if (first && count > 0) {
      first = false;
      const county = getRegion(firstHome.regionCode)!;
      volunteers.push({
        id: DEMO_VOLUNTEER_ID,
        regionCode: county.code,
        cityCode: county.parent!,
        kind: VolunteerKind.TEACHER,
        status: VolunteerStatus.ACTIVE,
      });
    }
    while (volunteers.length < count) {
      const county = random.weighted(counties);
      volunteers.push({
        id: random.uuid(),
        regionCode: county.code,
        cityCode: county.parent!,
        kind: random.weighted(KINDS),
        status: random.weighted(STATUSES),
      });
    }
    return volunteers;
  };
}
