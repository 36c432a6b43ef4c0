import { describe, expect, it } from "vitest";
import {
  addDays,
  DAY_MS,
  dayOf,
  daysBetween,
  isoDay,
  isoWeekday,
  PROVINCE_TIME_ZONE,
  PROVINCE_UTC_OFFSET_MINUTES,
  provinceDayOf,
  provinceInstant,
  startOfWeek,
  todayInProvince,
  weekInProvince,
} from "./index.js";

const at = (instant: string) => new Date(instant);

describe("the province's calendar", () => {
  it("turns to the next day at 16:00 UTC, midnight in Sichuan", () => {
    expect(isoDay(todayInProvince(at("2026-12-02T15:59:59Z")))).toBe("2026-12-02");
    expect(isoDay(todayInProvince(at("2026-12-02T16:00:00Z")))).toBe("2026-12-03");
    expect(isoDay(todayInProvince(at("2026-12-02T23:59:59.999Z")))).toBe("2026-12-03");
    expect(isoDay(todayInProvince(at("2026-12-03T00:00:00Z")))).toBe("2026-12-03");
  });

  it("answers a day at UTC midnight, the Date scalar's form", () => {
    const today = todayInProvince(at("2026-12-02T18:30:00Z"));
    expect(today.toISOString()).toBe("2026-12-03T00:00:00.000Z");
    expect(provinceDayOf(at("2026-12-02T18:30:00Z"))).toEqual(today);
  });

  it("names its zone once: China Standard Time, UTC+8", () => {
    expect(PROVINCE_TIME_ZONE).toBe("Asia/Shanghai");
    expect(PROVINCE_UTC_OFFSET_MINUTES).toBe(480);
    // The platform's zone database agrees on the date at every hour of a day.
    const format = new Intl.DateTimeFormat("en-CA", { timeZone: PROVINCE_TIME_ZONE });
    for (let hour = 0; hour < 24; hour++) {
      const instant = new Date(Date.UTC(2026, 5, 30, hour, 30));
      expect(isoDay(todayInProvince(instant))).toBe(format.format(instant));
    }
  });

  it("crosses month and year ends at the province's midnight", () => {
    expect(isoDay(todayInProvince(at("2026-11-30T16:00:00Z")))).toBe("2026-12-01");
    expect(isoDay(todayInProvince(at("2026-12-31T16:00:00Z")))).toBe("2027-01-01");
    expect(isoDay(todayInProvince(at("2028-02-28T16:00:00Z")))).toBe("2028-02-29");
    expect(isoDay(todayInProvince(at("2027-02-28T16:00:00Z")))).toBe("2027-03-01");
  });

  it("counts days across month ends", () => {
    expect(isoDay(addDays(dayOf("2026-01-31"), 1))).toBe("2026-02-01");
    expect(isoDay(addDays(dayOf("2026-03-01"), -1))).toBe("2026-02-28");
    expect(isoDay(addDays(dayOf("2028-03-01"), -1))).toBe("2028-02-29");
    expect(isoDay(addDays(dayOf("2026-12-31"), 1))).toBe("2027-01-01");
    expect(daysBetween(dayOf("2026-02-01"), dayOf("2026-03-01"))).toBe(28);
    expect(daysBetween(dayOf("2026-03-01"), dayOf("2026-02-01"))).toBe(-28);
    expect(daysBetween(dayOf("2026-01-01"), dayOf("2027-01-01"))).toBe(365);
    expect(DAY_MS).toBe(86_400_000);
  });

  it("starts the week on Monday", () => {
    expect(isoWeekday(dayOf("2026-11-30"))).toBe(1);
    expect(isoWeekday(dayOf("2026-12-06"))).toBe(7);
    expect(isoDay(startOfWeek(dayOf("2026-12-06")))).toBe("2026-11-30");
    expect(isoDay(startOfWeek(dayOf("2026-11-30")))).toBe("2026-11-30");
    // Across a month and a year end.
    expect(isoDay(startOfWeek(dayOf("2027-01-01")))).toBe("2026-12-28");
  });

  it("turns to the next week at Sunday 16:00 UTC, Monday midnight in Sichuan", () => {
    // Sunday 6 December 2026, 23:59:59 in Sichuan: still the week of 30 November.
    expect(weekInProvince(at("2026-12-06T15:59:59Z"))).toEqual({
      monday: dayOf("2026-11-30"),
      sunday: dayOf("2026-12-06"),
    });
    // A second later it is Monday 7 December there, while the UTC clock still shows Sunday.
    expect(weekInProvince(at("2026-12-06T16:00:00Z"))).toEqual({
      monday: dayOf("2026-12-07"),
      sunday: dayOf("2026-12-13"),
    });
  });

  it("places a local time of day at its instant", () => {
    expect(provinceInstant(dayOf("2026-12-03")).toISOString()).toBe("2026-12-02T16:00:00.000Z");
    expect(provinceInstant(dayOf("2026-12-03"), 9 * 60 + 30).toISOString()).toBe("2026-12-03T01:30:00.000Z");
    expect(provinceDayOf(provinceInstant(dayOf("2026-12-03"), 23 * 60 + 59))).toEqual(dayOf("2026-12-03"));
  });
});
