import { ActivityEventType } from "@lamplight/events";
import { addDays, isoDay, startOfWeek, todayInProvince } from "@lamplight/regions";
import {
  announceSites,
  entities,
  expectNotFoundAt,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { campaignsService } from "../../testing.js";
import {
  activityInput,
  CREATE_ACTIVITY,
  createActivity,
  FIXTURE_HOMES,
  FUCHENG,
  HOME_A,
  HOME_B,
  HOME_C,
  YANTING,
} from "./activity.fixtures.js";

let campaigns: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;

const dates = (activity: { occurrences: { edges: { node: { date: string } }[] } }) =>
  activity.occurrences.edges.map((edge) => edge.node.date);

beforeAll(async () => {
  campaigns = await startSubgraph(campaignsService);
  await announceSites(campaigns, [...FIXTURE_HOMES]);
  admin = await identityHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
});
afterAll(() => campaigns?.close());

describe("planning activities", () => {
  it("stores every Mid-Autumn of a two-year series, on 八月十五 of each year, at 7 pm Beijing time", async () => {
    const activity = await createActivity(campaigns, {
      kind: "MID_AUTUMN",
      title: "情暖中秋",
      recurrence: "YEARLY_LUNAR",
      lunarMonth: 8,
      lunarDay: 15,
      startsOn: "2026-01-01",
      endsOn: "2027-12-31",
      startMinute: 19 * 60,
    });
    expect(dates(activity)).toEqual(["2026-09-25", "2027-09-15"]);
    expect(activity.occurrences.edges[0]!.node.startsAt).toBe("2026-09-25T11:00:00.000Z");
  });

  it("stores New Year's Eve (12th month, last day) across two Spring Festivals", async () => {
    const activity = await createActivity(campaigns, {
      kind: "NEW_YEARS_EVE",
      title: "温暖除夕",
      recurrence: "YEARLY_LUNAR",
      lunarMonth: 12,
      lunarDay: 0,
      startsOn: "2026-01-01",
      endsOn: "2027-12-31",
    });
    expect(dates(activity)).toEqual(["2026-02-16", "2027-02-05"]);
  });

  it("stores every weekend of a term", async () => {
    const activity = await createActivity(campaigns, {
      recurrence: "WEEKLY",
      weekdays: [6, 7],
      startsOn: "2027-03-01",
      endsOn: "2027-03-31",
    });
    expect(dates(activity)).toEqual([
      "2027-03-06",
      "2027-03-07",
      "2027-03-13",
      "2027-03-14",
      "2027-03-20",
      "2027-03-21",
      "2027-03-27",
      "2027-03-28",
    ]);
  });

  it("refuses what cannot be held, naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ regionCode: "510700" }, "input.regionCode"],
      [{ homeIds: [], venue: null }, "input.homeIds"],
      [{ recurrence: "WEEKLY", weekdays: [6] }, "input.endsOn"],
      [{ recurrence: "YEARLY_LUNAR", endsOn: "2027-12-31" }, "input.lunarMonth"],
      [
        {
          recurrence: "YEARLY_LUNAR",
          lunarMonth: 8,
          lunarDay: 15,
          startsOn: "2026-01-01",
          endsOn: "2036-12-31",
        },
        "input.endsOn",
      ],
      [{ capacity: -1 }, "capacity"],
    ];
    for (const [overrides, field] of cases) {
      const { data, errors } = await campaigns.execute(
        CREATE_ACTIVITY,
        { input: activityInput(overrides) },
        admin,
      );
      expect(data, JSON.stringify(overrides)).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(String(errors?.[0]?.extensions?.field)).toContain(field);
    }
  });

  it("lets officials plan in their region and site managers at their own homes only", async () => {
    const allowed = [
      await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: YANTING }),
      await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [HOME_A] }),
    ];
    for (const headers of allowed) {
      const { errors } = await campaigns.execute(CREATE_ACTIVITY, { input: activityInput() }, headers);
      expect(errors).toBeUndefined();
    }
    const refused: [Record<string, string>, string][] = [
      [await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: FUCHENG }), "FORBIDDEN"],
      [await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [HOME_B] }), "FORBIDDEN"],
      [await identityHeaders({ roles: ["VOLUNTEER"] }), "FORBIDDEN"],
      [{}, "UNAUTHENTICATED"],
    ];
    for (const [headers, code] of refused) {
      const { errors } = await campaigns.execute(CREATE_ACTIVITY, { input: activityInput() }, headers);
      expect(errors?.[0]?.extensions?.code).toBe(code);
    }
    // A home already known in Yanting cannot be placed in Fucheng.
    const misplaced = await campaigns.execute(
      CREATE_ACTIVITY,
      { input: activityInput({ regionCode: FUCHENG, homeIds: [HOME_A] }) },
      admin,
    );
    expect(misplaced.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.homeIds",
    });
  });
});

describe("the calendar", () => {
  it("lists by region, home, kind and day range, a page at a time", async () => {
    await createActivity(campaigns, {
      regionCode: FUCHENG,
      homeIds: [HOME_C],
      startsOn: "2028-05-01",
      kind: "FILM_SHOWING",
    });
    await createActivity(campaigns, { homeIds: [HOME_B], startsOn: "2028-05-02", kind: "FILM_SHOWING" });
    await createActivity(campaigns, { homeIds: [HOME_A, HOME_B], startsOn: "2028-05-03", kind: "SPORTS" });
    const CALENDAR = `query($filter: CalendarFilter, $after: String) {
      calendar(filter: $filter, first: 1, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { date kind activity { title } } }
      }
    }`;
    const read = async (filter: Record<string, unknown>) => {
      const found: string[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const { data, errors }: { data?: any; errors?: unknown } = await campaigns.execute(CALENDAR, {
          filter,
          after,
        } as Record<string, unknown>);
        expect(errors).toBeUndefined();
        total = data?.calendar.totalCount;
        found.push(...data!.calendar.edges.map((edge: { node: { date: string } }) => edge.node.date));
        after = data?.calendar.pageInfo.hasNextPage ? data.calendar.pageInfo.endCursor : null;
      } while (after);
      expect(found).toHaveLength(total);
      return found;
    };
    const may = { from: "2028-05-01", to: "2028-05-31" };
    expect(await read(may)).toEqual(["2028-05-01", "2028-05-02", "2028-05-03"]);
    expect(await read({ ...may, region: "510700" })).toEqual(["2028-05-01", "2028-05-02", "2028-05-03"]);
    expect(await read({ ...may, region: YANTING })).toEqual(["2028-05-02", "2028-05-03"]);
    expect(await read({ ...may, region: "510100" })).toEqual([]);
    expect(await read({ ...may, homeId: HOME_B })).toEqual(["2028-05-02", "2028-05-03"]);
    expect(await read({ ...may, kind: "FILM_SHOWING" })).toEqual(["2028-05-01", "2028-05-02"]);
    const backwards = await campaigns.execute(CALENDAR, { filter: { from: "2028-05-31", to: "2028-05-01" } });
    expect(backwards.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("shows what is on this week in a city, and which homes held nothing lately", async () => {
    const today = todayInProvince();
    const monday = startOfWeek(today);
    const home = "a0000000-0000-4000-8000-0000000000aa";
    const idle = "a0000000-0000-4000-8000-0000000000ab";
    await announceSites(
      campaigns,
      [home, idle].map((id) => ({ id, countyCode: YANTING })),
    );
    await createActivity(campaigns, { homeIds: [home], startsOn: isoDay(monday), title: "本周电影" });
    // The idle home's only activity was 40 days ago.
    await createActivity(campaigns, {
      homeIds: [idle],
      startsOn: isoDay(addDays(today, -40)),
      title: "很久以前",
    });
    const { data } = await campaigns.execute(
      `{ thisWeek(region: "510700", first: 100) { edges { node { date activity { title } } } } }`,
    );
    const titles = data?.thisWeek.edges.map(
      (edge: { node: { activity: { title: string } } }) => edge.node.activity.title,
    );
    expect(titles).toContain("本周电影");
    expect(titles).not.toContain("很久以前");

    const quiet = await campaigns.execute(
      `{ homesWithoutActivities(region: "${YANTING}", days: 30, first: 100) { edges { node { id } } } }`,
    );
    const ids = quiet.data?.homesWithoutActivities.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    expect(ids).toContain(idle);
    expect(ids).not.toContain(home);
    const bad = await campaigns.execute(
      `{ homesWithoutActivities(region: "510700", days: 0) { totalCount } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "days" });
  });
});

describe("federation", () => {
  it("gives 30 homes their activities in a month with one statement for the pages and one for the counts", async () => {
    const homes = Array.from(
      { length: 30 },
      (_, n) => `d0000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    );
    await announceSites(
      campaigns,
      homes.map((id) => ({ id, countyCode: YANTING })),
    );
    for (let n = 0; n < 6; n++) {
      await createActivity(campaigns, {
        homeIds: homes.slice(n * 5, n * 5 + 5),
        startsOn: `2029-04-${10 + n}`,
      });
    }
    const before = campaigns.statements();
    const { data, errors } = await entities(
      campaigns.url,
      homes.map((id) => ({ __typename: "Site", id })),
      `... on Site { id activities(from: "2029-04-01", to: "2029-04-30", first: 2) { totalCount edges { node { startsOn } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(campaigns.statements() - before).toBe(2);
    expect(data?._entities[0]?.activities).toEqual({
      totalCount: 1,
      edges: [{ node: { startsOn: "2029-04-10" } }],
    });
    expect(data?._entities[29]?.activities.edges[0].node.startsOn).toBe("2029-04-15");
    // Their dates, and who served at each: one statement each for the pages, the counts, the volunteers and their count.
    const moreBefore = campaigns.statements();
    const dated = await entities(
      campaigns.url,
      homes.map((id) => ({ __typename: "Site", id })),
      `... on Site { occurrences(from: "2029-04-01", to: "2029-04-30", first: 2) {
         totalCount edges { node { date volunteers(attended: true) { totalCount edges { node { id } } } } } } }`,
      await identityHeaders({ roles: ["PROVINCE_ADMIN"] }),
    );
    expect(dated.errors).toBeUndefined();
    expect(campaigns.statements() - moreBefore).toBe(4);
    expect(dated.data?._entities[7]?.occurrences).toEqual({
      totalCount: 1,
      edges: [{ node: { date: "2029-04-11", volunteers: { totalCount: 0, edges: [] } } }],
    });
  });

  it("counts a region's occurrences per kind and month, for every region of a batch in one statement", async () => {
    await createActivity(campaigns, { startsOn: "2030-07-01", kind: "SUMMER_CAMP" });
    await createActivity(campaigns, { startsOn: "2030-07-08", kind: "SUMMER_CAMP" });
    await createActivity(campaigns, {
      regionCode: FUCHENG,
      homeIds: [HOME_C],
      startsOn: "2030-08-01",
      kind: "READING",
    });
    const before = campaigns.statements();
    const { data, errors } = await entities(
      campaigns.url,
      ["510000", "510700", YANTING, FUCHENG, "510100", "999999"].map((code) => ({
        __typename: "Region",
        code,
      })),
      "... on Region { code activityCounts(year: 2030) { kind month count } }",
    );
    expectNotFoundAt({ data, errors }, [5]);
    expect(campaigns.statements() - before).toBe(1);
    const [province, mianyang, yanting, fucheng, chengdu, none] = data!._entities;
    const july = { kind: "SUMMER_CAMP", month: "2030-07", count: 2 };
    const august = { kind: "READING", month: "2030-08", count: 1 };
    expect(province?.activityCounts).toEqual([july, august]);
    expect(mianyang?.activityCounts).toEqual([july, august]);
    expect(yanting?.activityCounts).toEqual([july]);
    expect(fucheng?.activityCounts).toEqual([august]);
    expect(chengdu?.activityCounts).toEqual([]);
    expect(none).toBeNull();
  });
});

// Last: the activity it plans would change the calendars above.
describe("a planned activity", () => {
  it("is announced once as activity.published with its public facts, and no child or volunteer", async () => {
    const activity = await createActivity(campaigns, {
      title: "暑期科技营",
      kind: "SUMMER_CAMP",
      homeIds: [HOME_A, HOME_B],
      startsOn: "2027-07-10",
      endsOn: "2027-07-10",
    });
    const events = await campaigns.database.client.outboxEvent.findMany({ where: { key: activity.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: ActivityEventType.PUBLISHED, version: 1, entity: "Activity" });
    expect(events[0]?.payload).toEqual({
      id: activity.id,
      title: "暑期科技营",
      kind: "SUMMER_CAMP",
      projectId: null,
      homeIds: [HOME_A, HOME_B],
      regionCode: YANTING,
      cityCode: "510700",
      startsOn: "2027-07-10",
      endsOn: "2027-07-10",
    });
  });
});
