import { REGION_DATA } from "./data.js";
import type { RegionRecord } from "./types.js";

export {
  addDays,
  DAY_MS,
  dayOf,
  daysBetween,
  HOUR_MS,
  isoDay,
  isoWeekday,
  MINUTE_MS,
  PROVINCE_TIME_ZONE,
  PROVINCE_UTC_OFFSET_MINUTES,
  provinceDayOf,
  provinceInstant,
  startOfWeek,
  todayInProvince,
  utcDayOf,
  weekInProvince,
} from "./calendar.js";
export type { RegionLevel, RegionRecord } from "./types.js";

export const PROVINCE_CODE = "510000";

// Everything below is derived once at module load so every lookup is O(1) and every list returned is a
// shared frozen array rather than a fresh copy.
const ALL: readonly RegionRecord[] = Object.freeze(
  [...REGION_DATA].sort((a, b) => a.code.localeCompare(b.code)).map((r) => Object.freeze({ ...r })),
);

const byCode = new Map<string, RegionRecord>();
const childrenByCode = new Map<string, RegionRecord[]>();
const countiesByCode = new Map<string, RegionRecord[]>();

for (const region of ALL) {
  if (byCode.has(region.code)) throw new Error(`Duplicate region code in REGION_DATA: ${region.code}`);
  byCode.set(region.code, region);
  childrenByCode.set(region.code, []);
  countiesByCode.set(region.code, []);
}

for (const region of ALL) {
  if (region.parent !== null) {
    const siblings = childrenByCode.get(region.parent);
    if (!siblings) throw new Error(`Region ${region.code} has unknown parent ${region.parent}`);
    siblings.push(region);
  }
  if (region.level === "COUNTY") {
    for (let code: string | null = region.code; code !== null; code = byCode.get(code)?.parent ?? null) {
      countiesByCode.get(code)?.push(region);
    }
  }
}

for (const list of [...childrenByCode.values(), ...countiesByCode.values()]) Object.freeze(list);

const CITIES: readonly RegionRecord[] = Object.freeze(ALL.filter((r) => r.level === "CITY"));
const COUNTIES: readonly RegionRecord[] = Object.freeze(ALL.filter((r) => r.level === "COUNTY"));
const EMPTY: readonly RegionRecord[] = Object.freeze([]);

// Apostrophes are dropped so that "guangan" finds "Guang'an" as users type it.
const normalise = (text: string): string => text.trim().toLowerCase().replace(/['’]/g, "");
const searchKeys = ALL.map((region) => ({
  region,
  keys: [normalise(region.name), normalise(region.pinyin)],
}));

export function getRegion(code: string): RegionRecord | undefined {
  return byCode.get(code);
}

export function requireRegion(code: string): RegionRecord {
  const region = byCode.get(code);
  if (!region) throw new Error(`Unknown region code: ${code}`);
  return region;
}

export function isRegionCode(code: string): boolean {
  return byCode.has(code);
}

export function childrenOf(code: string): readonly RegionRecord[] {
  return childrenByCode.get(code) ?? EMPTY;
}

export function parentOf(code: string): RegionRecord | undefined {
  const parent = byCode.get(code)?.parent;
  return parent == null ? undefined : byCode.get(parent);
}

export function ancestorsOf(code: string): RegionRecord[] {
  const ancestors: RegionRecord[] = [];
  for (let region = parentOf(code); region; region = parentOf(region.code)) ancestors.push(region);
  return ancestors;
}

export function isWithin(code: string, ancestor: string): boolean {
  if (!byCode.has(code) || !byCode.has(ancestor)) return false;
  return code === ancestor || ancestorsOf(code).some((region) => region.code === ancestor);
}

export function cityOf(code: string): RegionRecord | undefined {
  const region = byCode.get(code);
  if (region?.level === "CITY") return region;
  if (region?.level === "COUNTY") return parentOf(code);
  return undefined;
}

export function countiesWithin(code: string): readonly RegionRecord[] {
  return countiesByCode.get(code) ?? EMPTY;
}

export function allRegions(): readonly RegionRecord[] {
  return ALL;
}

export function cities(): readonly RegionRecord[] {
  return CITIES;
}

export function counties(): readonly RegionRecord[] {
  return COUNTIES;
}

/** Case-insensitive substring match on the Chinese name or pinyin, in code order; blank text matches nothing. */
export function searchRegions(text: string): RegionRecord[] {
  const needle = normalise(text);
  if (needle === "") return [];
  return searchKeys
    .filter(({ keys }) => keys.some((key) => key.includes(needle)))
    .map(({ region }) => region);
}
