import { DAY_MS } from "@lamplight/regions";

/**
 * The Chinese lunar calendar for the lunar years 2020 to 2035, as published in the official
 * calendar (the Purple Mountain Observatory's tables, computed under GB/T 33661-2017 "Calculation
 * and promulgation of the Chinese calendar", Beijing time). For each lunar year: its leap month (0:
 * none; the leap month follows the regular month of that number) and the Gregorian day (MMDD) on
 * which each of its months begins, leap month included, in order. A month that begins earlier in
 * the year than the one before it begins in the next Gregorian year.
 *
 * Checked against the official dates of Spring Festival, Dragon Boat and Mid-Autumn of every year in
 * the table. (ICU's astronomical approximation, behind `Intl`'s "chinese" calendar, places the new
 * moons of 6 February 2027 and 3 February 2030 on the wrong side of midnight in Beijing: do not
 * regenerate this table from it without correcting those two.)
 */
const TABLE: readonly (readonly [year: number, leapMonth: number, starts: string])[] = [
  [2020, 4, "0125 0223 0324 0423 0523 0621 0721 0819 0917 1017 1115 1215 0113"],
  [2021, 0, "0212 0313 0412 0512 0610 0710 0808 0907 1006 1105 1204 0103"],
  [2022, 0, "0201 0303 0401 0501 0530 0629 0729 0827 0926 1025 1124 1223"],
  [2023, 2, "0122 0220 0322 0420 0519 0618 0718 0816 0915 1015 1113 1213 0111"],
  [2024, 0, "0210 0310 0409 0508 0606 0706 0804 0903 1003 1101 1201 1231"],
  [2025, 6, "0129 0228 0329 0428 0527 0625 0725 0823 0922 1021 1120 1220 0119"],
  [2026, 0, "0217 0319 0417 0517 0615 0714 0813 0911 1010 1109 1209 0108"],
  [2027, 0, "0206 0308 0407 0506 0605 0704 0802 0901 0930 1029 1128 1228"],
  [2028, 5, "0126 0225 0326 0425 0524 0623 0722 0820 0919 1018 1116 1216 0115"],
  [2029, 0, "0213 0315 0414 0513 0612 0711 0810 0908 1008 1106 1205 0104"],
  [2030, 0, "0203 0304 0403 0502 0601 0701 0730 0829 0927 1027 1125 1225"],
  [2031, 3, "0123 0221 0323 0422 0521 0620 0719 0818 0917 1016 1115 1214 0113"],
  [2032, 0, "0211 0312 0410 0509 0608 0707 0806 0905 1004 1103 1203 0101"],
  [2033, 11, "0131 0301 0331 0429 0528 0627 0726 0825 0923 1023 1122 1222 0120"],
  [2034, 0, "0219 0320 0419 0518 0616 0716 0814 0913 1012 1111 1211 0109"],
  [2035, 0, "0208 0310 0408 0508 0606 0705 0804 0902 1001 1031 1130 1229"],
];
/** Spring Festival of lunar year 2036: where the twelfth month of 2035 ends. */
const AFTER_LAST = Date.UTC(2036, 0, 28);

export const FIRST_LUNAR_YEAR = TABLE[0]![0];
export const LAST_LUNAR_YEAR = TABLE.at(-1)![0];

/** The twelve regular months of one lunar year: first day (UTC midnight) and length in days. */
interface LunarYear {
  months: { start: number; days: number }[];
}

function buildYears(): Map<number, LunarYear> {
  const years = new Map<number, LunarYear>();
  const startsOf = TABLE.map(([year, , starts]) => {
    let gregorianYear = year;
    let previous = 0;
    return starts.split(" ").map((mmdd) => {
      const value = Number(mmdd);
      if (value < previous) gregorianYear += 1;
      previous = value;
      return Date.UTC(gregorianYear, Math.floor(value / 100) - 1, value % 100);
    });
  });
  for (const [index, [year, leapMonth]] of TABLE.entries()) {
    const starts = startsOf[index]!;
    const next = startsOf[index + 1]?.[0] ?? AFTER_LAST;
    const all = [...starts, next];
    const months: LunarYear["months"] = [];
    for (let i = 0; i < starts.length; i++) {
      // The leap month (index leapMonth, right after the regular month of that number) is skipped:
      // festivals and anniversaries fall in the regular month.
      if (leapMonth > 0 && i === leapMonth) continue;
      months.push({ start: all[i]!, days: Math.round((all[i + 1]! - all[i]!) / DAY_MS) });
    }
    years.set(year, { months });
  }
  return years;
}

const YEARS = buildYears();

/** A day of the lunar calendar: month 1-12 and day 1-30, or day 0 for the month's last day (除夕 is 12/0). */
export interface LunarDate {
  month: number;
  day: number;
}

/**
 * The Gregorian day (UTC midnight) of a lunar date in one lunar year; null when that month has no
 * such day that year (the 30th of a 29-day month). Throws RangeError outside the table.
 */
export function lunarToGregorian(lunarYear: number, date: LunarDate): Date | null {
  const year = YEARS.get(lunarYear);
  if (!year)
    throw new RangeError(`lunar year ${lunarYear} is outside ${FIRST_LUNAR_YEAR}-${LAST_LUNAR_YEAR}`);
  const month = year.months[date.month - 1];
  if (!month || date.day < 0 || date.day > 30)
    throw new RangeError(`no lunar date ${date.month}/${date.day}`);
  const day = date.day === 0 ? month.days : date.day;
  if (day > month.days) return null;
  return new Date(month.start + (day - 1) * DAY_MS);
}

/** The festivals the programme holds activities on, as lunar dates. */
export const LUNAR_FESTIVALS = {
  /** 春节, Spring Festival: the first day of the first month. */
  SPRING_FESTIVAL: { month: 1, day: 1 },
  /** 元宵, the Lantern Festival. */
  LANTERN: { month: 1, day: 15 },
  /** 端午, the Dragon Boat Festival. */
  DRAGON_BOAT: { month: 5, day: 5 },
  /** 中秋, Mid-Autumn: 八月十五. */
  MID_AUTUMN: { month: 8, day: 15 },
  /** 重阳, the Double Ninth: the elders' day. */
  DOUBLE_NINTH: { month: 9, day: 9 },
  /** 除夕, Lunar New Year's Eve: the last day of the twelfth month. */
  NEW_YEARS_EVE: { month: 12, day: 0 },
} as const satisfies Record<string, LunarDate>;
