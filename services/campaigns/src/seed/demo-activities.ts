import { addDays, cityOf, isoDay } from "@lamplight/regions";
import {
  DEMO_PROJECTS,
  DEMO_VOLUNTEER_ID,
  type DemoHome,
  demoHomes,
  Random,
  type Scale,
  scaleOf,
} from "@lamplight/seed-kit";
import { LUNAR_FESTIVALS } from "../modules/activity/activity.lunar.js";
import { expandOccurrences, type RecurrenceRule } from "../modules/activity/activity.recurrence.js";
import { DemoParticipants, sample } from "./demo-participants.js";

/** The demo is set on this day: attendance is recorded for every occurrence before it. */
export const DEMO_TODAY = new Date("2026-11-29T00:00:00.000Z");
/** This year, 2026: the province scale's activities, and the demo's second year. */
export const YEAR_START = new Date("2026-01-01T00:00:00.000Z");
export const YEAR_END = new Date("2026-12-31T00:00:00.000Z");
/** The demo's history: last year (2025) as well as this year, each with the scale's activities. */
export const DEMO_YEARS = [2025, 2026] as const;
export const HISTORY_START = new Date(Date.UTC(DEMO_YEARS[0], 0, 1));
/** Yearly lunar festivals are planned until the end of next year. */
export const LUNAR_SERIES_END = new Date("2027-12-31T00:00:00.000Z");
/** The first demo home (Yanting County), where the demo volunteer is paired with children. */
export const FIRST_DEMO_HOME = "06adf337-e817-466e-9150-007fd232b2ce";
/** One-off activities a year in the demo (seed-kit's demo scale says the same). */
export const DEMO_ACTIVITY_COUNT = 2000;

const projectId = (code: string) => DEMO_PROJECTS.find((project) => project.code === code)!.id;

export type Kind =
  | "NEW_YEARS_EVE"
  | "MID_AUTUMN"
  | "LOVE_RELAY"
  | "SUMMER_CAMP"
  | "WINTER_CAMP"
  | "LETTER_WRITING"
  | "MOCK_COURT"
  | "SELF_PROTECTION"
  | "FILM_SHOWING"
  | "READING"
  | "SCIENCE_MUSEUM"
  | "FAMILY_CALL"
  | "SPORTS";

/** What each kind is called, which project funds it, and how long it lasts (minutes). */
export const KINDS: Record<Kind, { titles: string[]; project: string | null; minutes: number }> = {
  NEW_YEARS_EVE: { titles: ["温暖除夕团圆饭"], project: null, minutes: 180 },
  MID_AUTUMN: { titles: ["情暖中秋"], project: null, minutes: 150 },
  LOVE_RELAY: { titles: ["爱心接力"], project: null, minutes: 120 },
  SUMMER_CAMP: { titles: ["快乐夏令营"], project: "SUMMER_WINTER_CAMPS", minutes: 360 },
  WINTER_CAMP: { titles: ["温暖冬令营"], project: "SUMMER_WINTER_CAMPS", minutes: 360 },
  LETTER_WRITING: { titles: ["我想对爸妈说：书信比赛"], project: null, minutes: 90 },
  MOCK_COURT: { titles: ["模拟少年法庭"], project: "SELF_PROTECTION", minutes: 120 },
  SELF_PROTECTION: { titles: ["我是小大人自护演练"], project: "SELF_PROTECTION", minutes: 90 },
  FILM_SHOWING: { titles: ["周末电影放映"], project: "GOOD_BOOKS_AND_PLAYS", minutes: 120 },
  READING: { titles: ["流动图书馆进家园", "好书共读"], project: "MOBILE_LIBRARY", minutes: 90 },
  SCIENCE_MUSEUM: { titles: ["走进科技馆"], project: "SCIENCE_MUSEUM_VISITS", minutes: 300 },
  FAMILY_CALL: { titles: ["亲情电话日"], project: "FAMILY_CALLS", minutes: 60 },
  SPORTS: { titles: ["阳光体育活动"], project: "SPORTS_CENTRE", minutes: 120 },
};

/** Which kinds are held in each month (holidays in winter and summer, school terms between). */
export function kindsOf(month: number): readonly (readonly [Kind, number])[] {
  const term: (readonly [Kind, number])[] = [
    ["READING", 30],
    ["FILM_SHOWING", 20],
    ["FAMILY_CALL", 15],
    ["SPORTS", 12],
    ["LETTER_WRITING", 6],
    ["SELF_PROTECTION", 6],
    ["MOCK_COURT", 3],
    ["SCIENCE_MUSEUM", 4],
    ["LOVE_RELAY", 4],
  ];
  if (month === 1 || month === 2) return [["WINTER_CAMP", 25], ["FAMILY_CALL", 25], ...term.slice(0, 3)];
  if (month === 7 || month === 8) return [["SUMMER_CAMP", 35], ["SCIENCE_MUSEUM", 10], ...term];
  return term;
}

export interface DemoActivityRows {
  homes: object[];
  activities: object[];
  activityHomes: object[];
  occurrences: object[];
  registrations: object[];
}

/** One activity before it is given an id: where, what, when. */
export interface Draft {
  home: DemoHome;
  kind: Kind;
  title: string;
  rule: RecurrenceRule;
  startsOn: Date;
  endsOn: Date;
  startMinute: number;
}

/**
 * Demo activities at the demo homes over 2025 and 2026: `scale.activities` (about 2,000) one-off
 * activities each year, a "love at Mid-Autumn" and a "warm New Year's Eve" every year from 2025 at
 * one home of each city, and a weekly reading afternoon at the first demo home over both years.
 * Every occurrence before DEMO_TODAY has its registrations and attendance: children of the
 * activity's home (seed-kit's children, the ones people loads; never more than the home has, none
 * twice) and active volunteers of its county (else of its city); the demo volunteer serves at the
 * first home's reading afternoons. Homes without children hold no activities: they have nobody to
 * hold them for. The homes are `demoHomes(scale.seed, scale.homes)`; the default is the demo data.
 */
export function demoActivities(scale: Scale = scaleOf("demo")): DemoActivityRows {
  const random = new Random(scale.seed + 7);
  const homes = demoHomes(scale.seed, scale.homes);
  const participants = new DemoParticipants(scale, homes);
  const open = homes.filter((home) => home.status === "OPEN");
  const first = open.find((home) => home.id === FIRST_DEMO_HOME) ?? open[0]!;
  // Homes that hold activities: the demonstration homes and a share of the others; the rest stay
  // quiet, so "homes with no activity lately" has answers.
  const active = open.filter(
    (home) => (home.demonstration || random.chance(0.45)) && participants.childrenOf(home.id).length > 0,
  );
  const drafts: Draft[] = [];
  for (const year of DEMO_YEARS) {
    const from = new Date(Date.UTC(year, 0, 1));
    const to = new Date(Date.UTC(year, 11, 31));
    for (let n = 0; n < scale.activities; n++) {
      const home = n % 10 === 0 ? first : random.pick(active);
      drafts.push(oneOffDraft(random, home, from, to));
    }
  }
  const byCity = new Map<string, DemoHome>();
  for (const home of active) if (!byCity.has(home.cityCode)) byCity.set(home.cityCode, home);
  for (const home of byCity.values()) drafts.push(...lunarDrafts(home, HISTORY_START));
  drafts.push(weeklyReading(first, HISTORY_START));

  const rows: DemoActivityRows = {
    homes: homeRows(open),
    activities: [],
    activityHomes: [],
    occurrences: [],
    registrations: [],
  };
  for (const draft of drafts) {
    const servedByDemoVolunteer = draft.home.id === first.id && draft.rule.kind === "WEEKLY";
    pushActivityRows(random, draft, rows, participants, servedByDemoVolunteer ? DEMO_VOLUNTEER_ID : null);
  }
  return rows;
}

/** A one-off activity on a day between two dates (this year by default), of a kind held that month. */
export function oneOffDraft(random: Random, home: DemoHome, from = YEAR_START, to = YEAR_END): Draft {
  const day = random.date(from, to);
  const kind = random.weighted(kindsOf(day.getUTCMonth() + 1));
  return {
    home,
    kind,
    title: random.pick(KINDS[kind].titles),
    rule: { kind: "ONCE" },
    startsOn: day,
    endsOn: day,
    startMinute: random.pick([9 * 60, 10 * 60, 14 * 60, 15 * 60]),
  };
}

/** "Love at Mid-Autumn" and "warm New Year's Eve" at a home, every year from `from` to the end of next year. */
export function lunarDrafts(home: DemoHome, from = YEAR_START): Draft[] {
  return (
    [
      ["MID_AUTUMN", LUNAR_FESTIVALS.MID_AUTUMN],
      ["NEW_YEARS_EVE", LUNAR_FESTIVALS.NEW_YEARS_EVE],
    ] as const
  ).map(([kind, lunar]) => ({
    home,
    kind,
    title: KINDS[kind].titles[0]!,
    rule: { kind: "YEARLY_LUNAR", lunar },
    startsOn: from,
    endsOn: LUNAR_SERIES_END,
    startMinute: 18 * 60,
  }));
}

/**
 * The Saturday reading afternoon at a home, every week from `from` (this year by default) to the end
 * of next year, planned ahead like the festivals: a calendar asked for "this week" has it.
 */
export function weeklyReading(home: DemoHome, from = YEAR_START): Draft {
  return {
    home,
    kind: "READING",
    title: "周六阅读下午",
    rule: { kind: "WEEKLY", weekdays: [6] },
    startsOn: from,
    endsOn: LUNAR_SERIES_END,
    startMinute: 14 * 60,
  };
}

/** The Home rows: the homes this subgraph knows, with their county and city. */
export function homeRows(homes: readonly DemoHome[]): object[] {
  return homes.map((home) => ({
    siteId: home.id,
    regionCode: home.regionCode,
    cityCode: cityOf(home.regionCode)?.code ?? home.cityCode,
    name: home.name,
    kind: "HOME",
    status: home.status,
  }));
}

/**
 * One activity's rows: the activity, its home, its occurrences and, for those before DEMO_TODAY,
 * the registrations of children and volunteers with their attendance. The children are drawn from
 * those who attend the home, none twice in one occurrence and never more than the home has; the
 * volunteers from the active ones near it (`volunteer`, when given, serves at every occurrence).
 */
export function pushActivityRows(
  random: Random,
  draft: Draft,
  rows: Omit<DemoActivityRows, "homes">,
  participants: DemoParticipants,
  volunteer: string | null,
): void {
  const { home, kind } = draft;
  const id = random.uuid();
  const minutes = KINDS[kind].minutes;
  const capacity = kind === "SUMMER_CAMP" || kind === "WINTER_CAMP" ? 60 : random.int(15, 40);
  const volunteerCapacity = random.int(2, 6);
  const project = KINDS[kind].project;
  rows.activities.push({
    id,
    title: draft.title,
    kind,
    description: null,
    projectId: project ? projectId(project) : null,
    regionCode: home.regionCode,
    cityCode: home.cityCode,
    venue: kind === "SCIENCE_MUSEUM" ? "市科技馆" : null,
    organiserOrganisationId: null,
    organiserName: kind === "SUMMER_CAMP" || kind === "WINTER_CAMP" ? "团市委" : "留守学生之家",
    capacity,
    volunteerCapacity,
    recurrence: draft.rule.kind,
    startsOn: isoDay(draft.startsOn),
    endsOn: isoDay(draft.endsOn),
    startMinute: draft.startMinute,
    durationMinutes: minutes,
    weekdays: draft.rule.kind === "WEEKLY" ? draft.rule.weekdays : [],
    lunarMonth: draft.rule.kind === "YEARLY_LUNAR" ? draft.rule.lunar.month : null,
    lunarDay: draft.rule.kind === "YEARLY_LUNAR" ? draft.rule.lunar.day : null,
    createdBy: "seed",
    // Planned a month ahead: before any of its registrations.
    createdAt: addDays(draft.startsOn, -30).toISOString(),
  });
  rows.activityHomes.push({ activityId: id, siteId: home.id });
  const dates = expandOccurrences({
    rule: draft.rule,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    startMinute: draft.startMinute,
    durationMinutes: minutes,
  });
  const homeChildren = participants.childrenOf(home.id);
  const nearby = participants.volunteersNear(home);
  for (const date of dates) {
    const occurrenceId = random.uuid();
    rows.occurrences.push({
      id: occurrenceId,
      activityId: id,
      date: isoDay(date.date),
      startsAt: date.startsAt.toISOString(),
      endsAt: date.endsAt.toISOString(),
      kind,
      regionCode: home.regionCode,
      cityCode: home.cityCode,
    });
    if (date.date >= DEMO_TODAY) continue;
    const registration = (participant: "CHILD" | "VOLUNTEER", person: string) => {
      const attended = random.chance(0.9);
      rows.registrations.push({
        id: random.uuid(),
        occurrenceId,
        activityId: id,
        participant,
        studentId: participant === "CHILD" ? person : null,
        volunteerId: participant === "VOLUNTEER" ? person : null,
        homeId: participant === "CHILD" ? home.id : null,
        status: "CONFIRMED",
        registeredAt: addDays(date.startsAt, -3).toISOString(),
        cancelledAt: null,
        attended,
        minutes: attended ? minutes : 0,
        registeredBy: "seed",
      });
    };
    const children = random.int(Math.floor(capacity / 3), capacity);
    for (const child of sample(random, homeChildren, children)) registration("CHILD", child);
    const volunteers = random.int(1, volunteerCapacity);
    const serving = sample(random, nearby, volunteers);
    const team = volunteer ? [volunteer, ...serving.filter((id) => id !== volunteer)] : serving;
    for (const id of team.slice(0, volunteers)) registration("VOLUNTEER", id);
  }
}
