import { cities, countiesWithin, getRegion, type RegionRecord } from "@lamplight/regions";
import { placeName, surname } from "./names.js";
import { Random } from "./random.js";

// The demo province's homes are shared reference data for every subgraph's demo seed: sites loads
// them, and people places children in them, so that one seed number gives one consistent province.

export const HostModel = {
  SCHOOL: "SCHOOL",
  TOWN_WORK_UNIT: "TOWN_WORK_UNIT",
  SOCIAL_ORGANISATION: "SOCIAL_ORGANISATION",
  VILLAGE_COMMITTEE: "VILLAGE_COMMITTEE",
  FAMILY: "FAMILY",
} as const;
export type HostModel = (typeof HostModel)[keyof typeof HostModel];

/** Every status of a site's life, in lifecycle order (the sites subgraph's SiteStatus). */
export const SiteStatus = {
  PROPOSED: "PROPOSED",
  APPLIED: "APPLIED",
  UNDER_REVIEW: "UNDER_REVIEW",
  APPROVED: "APPROVED",
  REJECTED: "REJECTED",
  TENDERING: "TENDERING",
  BUILDING: "BUILDING",
  OPEN: "OPEN",
  SUSPENDED: "SUSPENDED",
  CLOSED: "CLOSED",
} as const;
export type SiteStatus = (typeof SiteStatus)[keyof typeof SiteStatus];

/** One demo home, in the shape the sites subgraph stores. */
export interface DemoHome {
  id: string;
  name: string;
  regionCode: string;
  cityCode: string;
  address: string;
  latitude: string;
  longitude: string;
  hostModel: HostModel;
  demonstration: boolean;
  capacity: number;
  status: SiteStatus;
  openedOn: Date | null;
}

/** The seed every demo data set starts from unless told otherwise. */
export const DEMO_SEED = 20261129;

/** How many homes the demo province has (the programme reports "1,700+"). */
export const DEMO_HOME_COUNT = 1712;
/** The city whose 151 demonstration sites the programme reports: Mianyang here. */
export const DEMONSTRATION_CITY = "510700";
export const DEMONSTRATION_CITY_SITES = 151;
/** Other demonstration homes across the province (the 55 that received IP phones among them). */
export const OTHER_DEMONSTRATION_SITES = 55;

// Approximate centres of the 21 cities, for plausible map positions.
const CITY_CENTRES: Record<string, [number, number]> = {
  "510100": [30.66, 104.07],
  "510300": [29.34, 104.78],
  "510400": [26.58, 101.72],
  "510500": [28.87, 105.44],
  "510600": [31.13, 104.4],
  "510700": [31.47, 104.68],
  "510800": [32.44, 105.84],
  "510900": [30.53, 105.59],
  "511000": [29.58, 105.06],
  "511100": [29.55, 103.77],
  "511300": [30.84, 106.11],
  "511400": [30.08, 103.85],
  "511500": [28.77, 104.63],
  "511600": [30.46, 106.63],
  "511700": [31.21, 107.47],
  "511800": [29.98, 103.01],
  "511900": [31.87, 106.75],
  "512000": [30.13, 104.63],
  "513200": [31.9, 102.22],
  "513300": [30.05, 101.96],
  "513400": [27.89, 102.27],
};

const HOST_MODELS: readonly (readonly [HostModel, number])[] = [
  [HostModel.SCHOOL, 45],
  [HostModel.VILLAGE_COMMITTEE, 25],
  [HostModel.TOWN_WORK_UNIT, 15],
  [HostModel.SOCIAL_ORGANISATION, 10],
  [HostModel.FAMILY, 5],
];

const STATUSES: readonly (readonly [SiteStatus, number])[] = [
  [SiteStatus.OPEN, 90],
  [SiteStatus.BUILDING, 3],
  [SiteStatus.APPROVED, 2],
  [SiteStatus.UNDER_REVIEW, 2],
  [SiteStatus.SUSPENDED, 2],
  [SiteStatus.CLOSED, 1],
];

/** Rural counties hold most left-behind children; urban districts (…区) far fewer. */
function ruralWeight(county: RegionRecord): number {
  return county.population * (county.name.endsWith("区") ? 0.25 : 1);
}

function homeName(random: Random, hostModel: HostModel): { name: string; place: string } {
  const town = placeName(random);
  const village = placeName(random);
  const suffix = "留守学生之家";
  switch (hostModel) {
    case HostModel.SCHOOL:
      return { name: `${town}镇${village}小学${suffix}`, place: `${town}镇${village}村` };
    case HostModel.TOWN_WORK_UNIT:
      return { name: `${town}镇${suffix}`, place: `${town}镇人民政府` };
    case HostModel.SOCIAL_ORGANISATION:
      return { name: `${town}社区${suffix}`, place: `${town}镇${town}社区` };
    case HostModel.VILLAGE_COMMITTEE:
      return { name: `${village}村${suffix}`, place: `${town}镇${village}村村委会` };
    case HostModel.FAMILY:
      return { name: `${village}村${surname(random)}家${suffix}`, place: `${town}镇${village}村` };
  }
}

/**
 * The demo province's homes: spread over the counties in proportion to their rural population,
 * with the programme's host models, 151 demonstration sites in one city and 55 elsewhere.
 * Deterministic: the same seed gives the same rows, ids included.
 *
 * Other counts keep the same shape: fewer homes than the demo's have proportionally fewer
 * demonstration sites; more homes (up to the 20,000 the province scale plans for) keep the
 * programme's 151 + 55 demonstration sites, and every county has at least one home.
 */
export function demoHomes(seed = DEMO_SEED, count = DEMO_HOME_COUNT): DemoHome[] {
  const random = new Random(seed);
  const counties = cities().flatMap((city) =>
    countiesWithin(city.code).map((county) => [county, ruralWeight(county)] as const),
  );
  const demonstrationCityCounties = countiesWithin(DEMONSTRATION_CITY).map(
    (county) => [county, ruralWeight(county)] as const,
  );
  const demonstrationCitySites = proportional(DEMONSTRATION_CITY_SITES, count);
  const sites: DemoHome[] = [];
  for (let i = 0; i < count; i++) {
    // The demonstration city's homes come first, so that it has its 151 demonstration sites.
    const inDemonstrationCity = i < demonstrationCitySites;
    const county = random.weighted(inDemonstrationCity ? demonstrationCityCounties : counties);
    const city = county.parent!;
    const hostModel = random.weighted(HOST_MODELS);
    const { name, place } = homeName(random, hostModel);
    const status = inDemonstrationCity ? SiteStatus.OPEN : random.weighted(STATUSES);
    const [lat, lng] = CITY_CENTRES[city] ?? [30.6, 104.0];
    const opened =
      status === SiteStatus.OPEN || status === SiteStatus.SUSPENDED || status === SiteStatus.CLOSED;
    sites.push({
      id: random.uuid(),
      name,
      regionCode: county.code,
      cityCode: city,
      address: `四川省${getRegion(city)!.name}${county.name}${place}`,
      latitude: (lat + (random.next() - 0.5) * 0.8).toFixed(6),
      longitude: (lng + (random.next() - 0.5) * 0.8).toFixed(6),
      hostModel,
      demonstration: inDemonstrationCity,
      capacity: hostModel === HostModel.FAMILY ? random.int(8, 20) : random.int(20, 120),
      status,
      openedOn: opened ? random.date(new Date("2010-03-01"), new Date("2026-09-01")) : null,
    });
  }
  if (count > DEMO_HOME_COUNT) coverEveryCounty(random, sites, demonstrationCitySites);
  // Exactly 55 more demonstration homes, among the open ones outside the demonstration city.
  const candidates = sites.filter(
    (site) => site.cityCode !== DEMONSTRATION_CITY && site.status === SiteStatus.OPEN,
  );
  const others = Math.min(proportional(OTHER_DEMONSTRATION_SITES, count), candidates.length);
  for (let chosen = 0; chosen < others; ) {
    const site = random.pick(candidates);
    if (site.demonstration) continue;
    site.demonstration = true;
    chosen++;
  }
  return sites;
}

/** The programme's figure for the demo's count of homes and more, a proportional share below. */
function proportional(figure: number, count: number): number {
  return count >= DEMO_HOME_COUNT ? figure : Math.round((figure * count) / DEMO_HOME_COUNT);
}

/**
 * Moves a home into each county that drew none: taken from the county with the most homes, it
 * gets the new county's address and a position near its city (only for more homes than the demo's,
 * so that the demo province stays as it is). The demonstration city's first homes stay put.
 */
function coverEveryCounty(random: Random, sites: DemoHome[], fixed: number): void {
  const covered = new Set(sites.map((site) => site.regionCode));
  const movable = new Map<string, number[]>();
  for (let i = fixed; i < sites.length; i++) {
    const list = movable.get(sites[i]!.regionCode) ?? [];
    list.push(i);
    movable.set(sites[i]!.regionCode, list);
  }
  for (const city of cities()) {
    for (const county of countiesWithin(city.code)) {
      if (covered.has(county.code)) continue;
      let fullest: number[] = [];
      for (const list of movable.values()) if (list.length > fullest.length) fullest = list;
      if (fullest.length < 2) return;
      const site = sites[fullest.pop()!]!;
      const prefix = `四川省${getRegion(site.cityCode)!.name}${getRegion(site.regionCode)!.name}`;
      const [lat, lng] = CITY_CENTRES[city.code] ?? [30.6, 104.0];
      site.regionCode = county.code;
      site.cityCode = city.code;
      site.address = `四川省${city.name}${county.name}${site.address.slice(prefix.length)}`;
      site.latitude = (lat + (random.next() - 0.5) * 0.8).toFixed(6);
      site.longitude = (lng + (random.next() - 0.5) * 0.8).toFixed(6);
      covered.add(county.code);
    }
  }
}
