import { cities, countiesWithin, getRegion } from "@lamplight/regions";
import { DEMO_SEED, type DemoHome, demoHomes, HostModel, SiteStatus } from "./demo-homes.js";
import { Random } from "./random.js";

// The demo province's facilities beyond homes are shared reference data like the homes: sites loads
// them, and funding delivers the publishing group's mobile libraries to them and grants the sports
// bureau's money to the sports activity centre, so every seed must draw the same ones.

/** The kinds of facility beyond homes (the sites subgraph's SiteKind, less HOME). */
export const FacilityKind = {
  MOBILE_LIBRARY: "MOBILE_LIBRARY",
  ACTIVITY_CENTRE: "ACTIVITY_CENTRE",
} as const;
export type FacilityKind = (typeof FacilityKind)[keyof typeof FacilityKind];

/** One demo facility, in the shape the sites subgraph stores. */
export interface DemoFacility {
  id: string;
  name: string;
  kind: FacilityKind;
  /** The county it is based in. */
  regionCode: string;
  cityCode: string;
  address: string;
  hostModel: HostModel;
  capacity: number;
  status: typeof SiteStatus.OPEN;
  openedOn: Date;
}

/** A city's mobile love library and the open homes of its city it calls at, in calling order. */
export interface DemoMobileLibrary extends DemoFacility {
  kind: typeof FacilityKind.MOBILE_LIBRARY;
  route: readonly string[];
}

export interface DemoFacilities {
  /** One per city, in the order of the 21 cities. */
  mobileLibraries: DemoMobileLibrary[];
  /** The provincial sports activity centre, in Chengdu. */
  sportsCentre: DemoFacility;
  /** The training base for left-behind single mothers, in Mianyang. */
  trainingBase: DemoFacility;
  /** Every facility: the libraries, then the centre, then the base. */
  all: DemoFacility[];
}

/** Homes a mobile library calls at, at most. */
export const MOBILE_LIBRARY_ROUTE_LENGTH = 8;

export const SPORTS_CENTRE_NAME = "四川省青少年体育活动中心";
export const TRAINING_BASE_NAME = "留守单亲母亲培训基地";

/**
 * The facilities beyond homes: the mobile love library a publishing group gave each of the 21
 * cities (based in the county of its city's first open home, calling at up to eight open homes of
 * its city), the provincial sports activity centre and the training base for left-behind single
 * mothers. Deterministic: the same seed and homes give the same rows, ids included.
 *
 * They follow the homes they serve (a library's county and route come from its city's open homes,
 * and the route draws come between the libraries' ids), so every seed that names a facility draws
 * them from the same homes as the sites seed: `demoHomes(seed, count)` of its scale. The draws are
 * the ones the sites seed has always made, so the facilities keep the ids they were loaded with.
 */
export function demoFacilities(
  seed = DEMO_SEED,
  homes: readonly DemoHome[] = demoHomes(seed),
): DemoFacilities {
  const random = new Random(seed + 4);
  const mobileLibraries: DemoMobileLibrary[] = [];
  for (const city of cities()) {
    const open = homes.filter((home) => home.cityCode === city.code && home.status === SiteStatus.OPEN);
    const county = open[0]?.regionCode ?? countiesWithin(city.code)[0]!.code;
    const id = random.uuid();
    const route = new Set<string>();
    while (route.size < Math.min(MOBILE_LIBRARY_ROUTE_LENGTH, open.length)) route.add(random.pick(open).id);
    mobileLibraries.push({
      id,
      name: `${city.name}流动爱心图书馆`,
      kind: FacilityKind.MOBILE_LIBRARY,
      regionCode: county,
      cityCode: city.code,
      address: `四川省${city.name}${getRegion(county)!.name}新华书店`,
      hostModel: HostModel.SOCIAL_ORGANISATION,
      capacity: 40,
      status: SiteStatus.OPEN,
      openedOn: new Date("2025-06-01"),
      route: [...route],
    });
  }
  const sportsCentre: DemoFacility = {
    id: random.uuid(),
    name: SPORTS_CENTRE_NAME,
    kind: FacilityKind.ACTIVITY_CENTRE,
    regionCode: "510104",
    cityCode: "510100",
    address: "四川省成都市锦江区体育场路",
    hostModel: HostModel.TOWN_WORK_UNIT,
    capacity: 300,
    status: SiteStatus.OPEN,
    openedOn: new Date("2024-07-01"),
  };
  const trainingBase: DemoFacility = {
    id: random.uuid(),
    name: TRAINING_BASE_NAME,
    kind: FacilityKind.ACTIVITY_CENTRE,
    regionCode: "510723",
    cityCode: "510700",
    address: "四川省绵阳市盐亭县云溪镇",
    hostModel: HostModel.SOCIAL_ORGANISATION,
    capacity: 60,
    status: SiteStatus.OPEN,
    openedOn: new Date("2025-03-08"),
  };
  return {
    mobileLibraries,
    sportsCentre,
    trainingBase,
    all: [...mobileLibraries, sportsCentre, trainingBase],
  };
}
