import { addDays, isoDay, isoWeekday } from "@lamplight/regions";
import { describe, expect, it } from "vitest";
import { LUNAR_FESTIVALS, lunarToGregorian } from "./activity.lunar.js";
import { expandOccurrences, type SeriesSpec, seriesProblem } from "./activity.recurrence.js";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const dates = (spec: SeriesSpec) => expandOccurrences(spec).map((o) => isoDay(o.date));
const yearly = (lunar: { month: number; day: number }, startsOn: string, endsOn: string): SeriesSpec => ({
  rule: { kind: "YEARLY_LUNAR", lunar },
  startsOn: day(startsOn),
  endsOn: day(endsOn),
  startMinute: 18 * 60,
  durationMinutes: 180,
});

describe("the lunar calendar table", () => {
  it("gives the official Spring Festival, Mid-Autumn and New Year's Eve of every year", () => {
    const spring = [
      "2020-01-25",
      "2021-02-12",
      "2022-02-01",
      "2023-01-22",
      "2024-02-10",
      "2025-01-29",
      "2026-02-17",
      "2027-02-06",
      "2028-01-26",
      "2029-02-13",
      "2030-02-03",
      "2031-01-23",
      "2032-02-11",
      "2033-01-31",
      "2034-02-19",
      "2035-02-08",
    ];
    const midAutumn = [
      "2020-10-01",
      "2021-09-21",
      "2022-09-10",
      "2023-09-29",
      "2024-09-17",
      "2025-10-06",
      "2026-09-25",
      "2027-09-15",
      "2028-10-03",
      "2029-09-22",
      "2030-09-12",
      "2031-10-01",
      "2032-09-19",
      "2033-09-08",
      "2034-09-27",
      "2035-09-16",
    ];
    for (let year = 2020; year <= 2035; year++) {
      const iso = (lunar: { month: number; day: number }) =>
        lunarToGregorian(year, lunar)?.toISOString().slice(0, 10);
      expect(iso(LUNAR_FESTIVALS.SPRING_FESTIVAL)).toBe(spring[year - 2020]);
      expect(iso(LUNAR_FESTIVALS.MID_AUTUMN)).toBe(midAutumn[year - 2020]);
      // New Year's Eve is the day before the next Spring Festival.
      const nextSpring = year < 2035 ? day(spring[year - 2019]!) : day("2036-01-28");
      expect(iso(LUNAR_FESTIVALS.NEW_YEARS_EVE)).toBe(isoDay(addDays(nextSpring, -1)));
    }
  });

  it("skips the leap month: 2023's second month is the regular one, 2025's Dragon Boat on 31 May", () => {
    expect(lunarToGregorian(2023, { month: 3, day: 1 })?.toISOString().slice(0, 10)).toBe("2023-04-20");
    expect(lunarToGregorian(2025, LUNAR_FESTIVALS.DRAGON_BOAT)?.toISOString().slice(0, 10)).toBe(
      "2025-05-31",
    );
    expect(lunarToGregorian(2025, { month: 7, day: 1 })?.toISOString().slice(0, 10)).toBe("2025-08-23");
  });

  it("has no 30th in a 29-day month, and refuses years outside the table", () => {
    // The twelfth month of lunar 2026 has 29 days (8 January to 5 February 2027).
    expect(lunarToGregorian(2026, { month: 12, day: 30 })).toBeNull();
    expect(lunarToGregorian(2026, { month: 12, day: 0 })?.toISOString().slice(0, 10)).toBe("2027-02-05");
    expect(() => lunarToGregorian(2036, { month: 1, day: 1 })).toThrow(RangeError);
  });
});

describe("expandOccurrences", () => {
  it("holds 'love at Mid-Autumn' on 八月十五 of 2026 and 2027", () => {
    expect(dates(yearly(LUNAR_FESTIVALS.MID_AUTUMN, "2026-01-01", "2027-12-31"))).toEqual([
      "2026-09-25",
      "2027-09-15",
    ]);
  });

  it("holds 'warm New Year's Eve' on 除夕, which may fall in the next Gregorian year", () => {
    // Lunar 2025's Eve is 16 February 2026; lunar 2026's is 5 February 2027; lunar 2027's is 25 January 2028.
    expect(dates(yearly(LUNAR_FESTIVALS.NEW_YEARS_EVE, "2026-01-01", "2027-12-31"))).toEqual([
      "2026-02-16",
      "2027-02-05",
    ]);
    expect(dates(yearly(LUNAR_FESTIVALS.NEW_YEARS_EVE, "2026-02-17", "2028-01-31"))).toEqual([
      "2027-02-05",
      "2028-01-25",
    ]);
  });

  it("keeps a series' bounds: Spring Festival on its first and last day counts, a day later does not", () => {
    expect(dates(yearly(LUNAR_FESTIVALS.SPRING_FESTIVAL, "2026-02-17", "2027-02-06"))).toEqual([
      "2026-02-17",
      "2027-02-06",
    ]);
    expect(dates(yearly(LUNAR_FESTIVALS.SPRING_FESTIVAL, "2026-02-18", "2027-02-05"))).toEqual([]);
  });

  it("starts at the local time in Beijing, as an instant", () => {
    const [eve] = expandOccurrences(yearly(LUNAR_FESTIVALS.NEW_YEARS_EVE, "2027-01-01", "2027-12-31"));
    expect(eve?.startsAt.toISOString()).toBe("2027-02-05T10:00:00.000Z");
    expect(eve?.endsAt.toISOString()).toBe("2027-02-05T13:00:00.000Z");
  });

  it("repeats every weekend across the Spring Festival week of 2026", () => {
    const spec: SeriesSpec = {
      rule: { kind: "WEEKLY", weekdays: [6, 7] },
      startsOn: day("2026-02-09"),
      endsOn: day("2026-02-22"),
      startMinute: 9 * 60,
      durationMinutes: 120,
    };
    expect(dates(spec)).toEqual(["2026-02-14", "2026-02-15", "2026-02-21", "2026-02-22"]);
    expect(expandOccurrences(spec).every((o) => [6, 7].includes(isoWeekday(o.date)))).toBe(true);
  });

  it("holds a one-off activity once", () => {
    expect(
      dates({ ...yearly(LUNAR_FESTIVALS.MID_AUTUMN, "2026-07-20", "2026-07-20"), rule: { kind: "ONCE" } }),
    ).toEqual(["2026-07-20"]);
  });

  it("says what is wrong with a series it cannot expand", () => {
    expect(seriesProblem(yearly({ month: 13, day: 1 }, "2026-01-01", "2026-12-31"))).toMatch(/lunarMonth/);
    expect(seriesProblem(yearly(LUNAR_FESTIVALS.MID_AUTUMN, "2026-01-01", "2036-12-31"))).toMatch(
      /span|known/,
    );
    expect(seriesProblem(yearly(LUNAR_FESTIVALS.MID_AUTUMN, "2026-12-31", "2026-01-01"))).toMatch(/before/);
    expect(seriesProblem(yearly(LUNAR_FESTIVALS.MID_AUTUMN, "2026-01-01", "2027-12-31"))).toBeNull();
  });
});
