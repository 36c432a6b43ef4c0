// The province's calendar lives here, beside its regions, because every subgraph and every seed
// already depends on this package and it depends on nothing: a seed or a pure rule can ask what
// day it is in Sichuan without pulling in type-graphql, Prisma or a server.
//
// A day is a Date at UTC midnight, the form the GraphQL Date scalar parses to and serialises from,
// and the form Prisma reads a `@db.Date` column as. Day arithmetic on such values is therefore
// plain UTC arithmetic; only "which day is it now" and "when does a local time happen" need the
// province's offset.

/** The province keeps China Standard Time all year: UTC+8, no daylight saving. */
export const PROVINCE_TIME_ZONE = "Asia/Shanghai";
/** China Standard Time's offset from UTC, in minutes. */
export const PROVINCE_UTC_OFFSET_MINUTES = 8 * 60;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const PROVINCE_UTC_OFFSET_MS = PROVINCE_UTC_OFFSET_MINUTES * MINUTE_MS;

/** The UTC-midnight day of the calendar date a UTC clock shows at `instant` (no zone applied). */
export function utcDayOf(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/** The province's calendar date at `instant`, as a day at UTC midnight. */
export function provinceDayOf(instant: Date): Date {
  return utcDayOf(new Date(instant.getTime() + PROVINCE_UTC_OFFSET_MS));
}

/**
 * Today in the province, as a day at UTC midnight: between 00:00 and 08:00 in Sichuan the UTC
 * date is still yesterday's, so "today" is never read from the UTC clock.
 */
export function todayInProvince(now: Date = new Date()): Date {
  return provinceDayOf(now);
}

/** The instant a local (province) time of day happens on a day: `minutes` after local midnight. */
export function provinceInstant(day: Date, minutes = 0): Date {
  return new Date(day.getTime() + minutes * MINUTE_MS - PROVINCE_UTC_OFFSET_MS);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** A day as YYYY-MM-DD, the Date scalar's form. */
export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

/** A YYYY-MM-DD day at UTC midnight (no checks: for literals and stored values). */
export const dayOf = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: Date): number {
  return ((day.getUTCDay() + 6) % 7) + 1;
}

/** The Monday that starts the (ISO, Monday-to-Sunday) week a day falls in. */
export function startOfWeek(day: Date): Date {
  return addDays(utcDayOf(day), 1 - isoWeekday(day));
}

/** The province's week under way at `now`: its Monday and its Sunday. */
export function weekInProvince(now: Date = new Date()): { monday: Date; sunday: Date } {
  const monday = startOfWeek(todayInProvince(now));
  return { monday, sunday: addDays(monday, 6) };
}
