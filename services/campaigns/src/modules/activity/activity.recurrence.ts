import { DAY_MS, isoWeekday, MINUTE_MS, provinceInstant } from "@lamplight/regions";
import { FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR, type LunarDate, lunarToGregorian } from "./activity.lunar.js";

/** The longest series one activity may span: its occurrences are stored. */
export const MAX_SERIES_DAYS = 3 * 366;

/** How an activity repeats, as stored on it. Days are UTC midnight (the Date scalar's form). */
export type RecurrenceRule =
  | { kind: "ONCE" }
  | { kind: "WEEKLY"; weekdays: readonly number[] }
  | { kind: "YEARLY_LUNAR"; lunar: LunarDate };

export interface SeriesSpec {
  rule: RecurrenceRule;
  /** First and last day of the series (inclusive). A one-off activity is held on startsOn. */
  startsOn: Date;
  endsOn: Date;
  /** Local start time in minutes after midnight, and the length in minutes. */
  startMinute: number;
  durationMinutes: number;
}

export interface OccurrenceDates {
  /** The local day. */
  date: Date;
  startsAt: Date;
  endsAt: Date;
}

function days(spec: SeriesSpec): Date[] {
  const from = spec.startsOn.getTime();
  const to = spec.endsOn.getTime();
  const { rule } = spec;
  switch (rule.kind) {
    case "ONCE":
      return [spec.startsOn];
    case "WEEKLY": {
      const wanted = new Set(rule.weekdays);
      const out: Date[] = [];
      for (let t = from; t <= to; t += DAY_MS) {
        const day = new Date(t);
        if (wanted.has(isoWeekday(day))) out.push(day);
      }
      return out;
    }
    case "YEARLY_LUNAR": {
      // A lunar year begins in January or February, so the Gregorian year before may still hold
      // its twelfth month (New Year's Eve falls in the next Gregorian year).
      const first = Math.max(FIRST_LUNAR_YEAR, spec.startsOn.getUTCFullYear() - 1);
      const last = Math.min(LAST_LUNAR_YEAR, spec.endsOn.getUTCFullYear());
      const out: Date[] = [];
      for (let year = first; year <= last; year++) {
        const day = lunarToGregorian(year, rule.lunar);
        if (day && day.getTime() >= from && day.getTime() <= to) out.push(day);
      }
      return out;
    }
  }
}

/**
 * Every occurrence of a series, in order: pure, no time zone but the province's. A yearly lunar
 * rule gives one day per lunar year that falls within the series (none in a year whose month is
 * too short for the day); a weekly rule every listed weekday.
 */
export function expandOccurrences(spec: SeriesSpec): OccurrenceDates[] {
  return days(spec).map((date) => {
    const startsAt = provinceInstant(date, spec.startMinute);
    return { date, startsAt, endsAt: new Date(startsAt.getTime() + spec.durationMinutes * MINUTE_MS) };
  });
}

/** Whether a series can be expanded: within the lunar table for lunar rules, and not too long. */
export function seriesProblem(spec: SeriesSpec): string | null {
  if (spec.endsOn < spec.startsOn) return "endsOn is before startsOn";
  if ((spec.endsOn.getTime() - spec.startsOn.getTime()) / DAY_MS > MAX_SERIES_DAYS) {
    return `a series may span at most ${MAX_SERIES_DAYS} days`;
  }
  if (spec.rule.kind === "WEEKLY") {
    if (
      spec.rule.weekdays.length === 0 ||
      spec.rule.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)
    ) {
      return "weekdays must list ISO weekdays 1 (Monday) to 7 (Sunday)";
    }
  }
  if (spec.rule.kind === "YEARLY_LUNAR") {
    const { month, day } = spec.rule.lunar;
    if (!Number.isInteger(month) || month < 1 || month > 12) return "lunarMonth must be 1 to 12";
    if (!Number.isInteger(day) || day < 0 || day > 30) return "lunarDay must be 0 (last day) to 30";
    if (spec.startsOn.getUTCFullYear() < FIRST_LUNAR_YEAR || spec.endsOn.getUTCFullYear() > LAST_LUNAR_YEAR) {
      return `lunar dates are known for ${FIRST_LUNAR_YEAR} to ${LAST_LUNAR_YEAR}`;
    }
  }
  return null;
}
