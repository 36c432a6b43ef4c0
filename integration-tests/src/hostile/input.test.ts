import { campaignsService } from "@lamplight/campaigns/testing";
import { fundingService, seedFunds } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders, type StartedSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Ranges whose end comes before their start, and counts outside their bounds, sent through the
// gateway: each is refused with BAD_USER_INPUT naming the field, and nothing is written.

const YANTING = "510723";
const SOME_ID = "9b000000-0000-4000-8000-000000000001";

let graph: StartedGraph;
let admin: Record<string, string>;

beforeAll(async () => {
  graph = await startGraph([campaignsService, peopleService, fundingService, sitesService]);
  const funding = graph.subgraphs.funding as StartedSubgraph<Parameters<typeof seedFunds>[0]>;
  await seedFunds(funding.database.client);
  admin = await bearerHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
});
afterAll(() => graph?.close());

const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id startsOn endsOn } }`;

/** A valid off-site one-off activity in Yanting, with the given changes. */
const activity = (overrides: Record<string, unknown> = {}) => ({
  title: "县城科技馆参观",
  kind: "SCIENCE_MUSEUM",
  regionCode: YANTING,
  venue: "盐亭县科技馆",
  organiserName: "盐亭县团委",
  capacity: 30,
  startsOn: "2027-05-08",
  startMinute: 9 * 60,
  durationMinutes: 180,
  ...overrides,
});

/** The first error of an answer that must have been refused: its code and the field it names. */
async function refusal(query: string, variables: Record<string, unknown>, headers = admin) {
  const { data, errors } = await graph.execute(query, variables, headers);
  const error = errors?.[0];
  return {
    data,
    code: error?.extensions?.code,
    field: error?.extensions?.field,
    message: error?.message ?? "",
  };
}

async function activityCount(): Promise<number> {
  const client = graph.subgraphs.campaigns!.database.client as unknown as {
    activity: { count(): Promise<number> };
  };
  return client.activity.count();
}

describe("a range's end before its start", () => {
  it("refuses a one-off activity ending before it starts instead of moving its end, and stores nothing", async () => {
    const before = await activityCount();
    const refused = await refusal(CREATE_ACTIVITY, { input: activity({ endsOn: "2027-05-01" }) });
    expect(refused).toMatchObject({ data: null, code: "BAD_USER_INPUT", field: "endsOn" });
    expect(refused.message).toMatch(/endsOn must be on or after startsOn/);
    // A one-off with an end on another day is refused too: it cannot be held over several days.
    const longer = await refusal(CREATE_ACTIVITY, { input: activity({ endsOn: "2027-05-09" }) });
    expect(longer).toMatchObject({ data: null, code: "BAD_USER_INPUT", field: "input.endsOn" });
    expect(await activityCount()).toBe(before);

    const held = await graph.execute(CREATE_ACTIVITY, { input: activity({ endsOn: "2027-05-08" }) }, admin);
    expect(held.errors).toBeUndefined();
    expect(held.data?.createActivity).toMatchObject({ startsOn: "2027-05-08", endsOn: "2027-05-08" });
  });

  it("refuses a series ending before it starts", async () => {
    const refused = await refusal(CREATE_ACTIVITY, {
      input: activity({ recurrence: "WEEKLY", weekdays: [6], startsOn: "2027-06-01", endsOn: "2027-03-01" }),
    });
    expect(refused).toMatchObject({ code: "BAD_USER_INPUT", field: "endsOn" });
  });

  it("refuses filters and arguments whose `to` is before `from`: the calendar, an activity's dates, donations, funding totals", async () => {
    const held = await graph.execute(CREATE_ACTIVITY, { input: activity() }, admin);
    expect(held.errors).toBeUndefined();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        `query($filter: CalendarFilter) { calendar(filter: $filter, first: 5) { totalCount } }`,
        { filter: { from: "2027-05-09", to: "2027-05-08" } },
        "to",
      ],
      [
        `query($id: ID!) { activity(id: $id) { occurrences(from: "2027-05-09", to: "2027-05-08", first: 5) { totalCount } } }`,
        { id: held.data?.createActivity.id },
        "to",
      ],
      [
        `query($filter: DonationFilter) { donations(filter: $filter, first: 5) { totalCount } }`,
        { filter: { from: "2026-03-02", to: "2026-03-01" } },
        "to",
      ],
      [`{ fundingTotals(groupBy: MONTH, from: "2026-03-02", to: "2026-03-01") { key } }`, {}, "to"],
    ];
    for (const [query, variables, field] of cases) {
      const refused = await refusal(query, variables);
      expect(refused, query).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    // The same day at both ends is a range of one day, not an error.
    const oneDay = await graph.execute(
      `{ calendar(filter: { from: "2027-05-08", to: "2027-05-08" }, first: 5) { totalCount } }`,
    );
    expect(oneDay.errors).toBeUndefined();
    expect(oneDay.data?.calendar.totalCount).toBeGreaterThanOrEqual(1);
  });

  it("refuses an expiry on or before the day it starts from: a background check, a training certificate", async () => {
    const check = await refusal(
      `mutation($id: ID!, $check: BackgroundCheckInput!) { vetVolunteer(id: $id, backgroundCheck: $check) { id } }`,
      { id: SOME_ID, check: { checkedOn: "2026-03-01", expiresOn: "2026-02-01" } },
    );
    expect(check).toMatchObject({ code: "BAD_USER_INPUT", field: "expiresOn" });
    expect(check.message).toMatch(/expiresOn must be after checkedOn/);
    const training = await refusal(
      `mutation($id: ID!, $input: TrainingInput!) { recordTraining(volunteerId: $id, input: $input) { title } }`,
      {
        id: SOME_ID,
        input: {
          topic: "CHILD_PROTECTION",
          title: "儿童保护",
          completedOn: "2026-03-01",
          expiresOn: "2026-03-01",
        },
      },
    );
    expect(training).toMatchObject({ code: "BAD_USER_INPUT", field: "expiresOn" });
  });
});

describe("counts outside their bounds", () => {
  it("refuses an activity's places, lunar date, weekdays and start time out of range, naming each field", async () => {
    const before = await activityCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ capacity: 10_001 }, "capacity"],
      [{ volunteerCapacity: -1 }, "volunteerCapacity"],
      [{ startMinute: 1440 }, "startMinute"],
      [{ durationMinutes: 5 }, "durationMinutes"],
      [{ recurrence: "YEARLY_LUNAR", lunarMonth: 13, lunarDay: 15, endsOn: "2028-12-31" }, "lunarMonth"],
      [{ recurrence: "YEARLY_LUNAR", lunarMonth: 8, lunarDay: 31, endsOn: "2028-12-31" }, "lunarDay"],
      [{ recurrence: "WEEKLY", weekdays: [6, 8], endsOn: "2027-06-30" }, "weekdays"],
    ];
    for (const [overrides, field] of cases) {
      const refused = await refusal(CREATE_ACTIVITY, { input: activity(overrides) });
      expect(refused, JSON.stringify(overrides)).toMatchObject({ data: null, code: "BAD_USER_INPUT", field });
      expect(refused.message).toMatch(new RegExp(`${field} must (each )?be a whole number from`));
    }
    expect(await activityCount()).toBe(before);
  });

  it("refuses counts in people, sites and funding the same way", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        `mutation($input: PairVolunteerInput!) { pairVolunteer(input: $input) { id } }`,
        { input: { volunteerId: SOME_ID, studentId: SOME_ID, reason: "需要陪伴", checkInEveryDays: 0 } },
        "checkInEveryDays",
      ],
      [
        `mutation($input: LogServiceInput!) { logService(input: $input) { id } }`,
        { input: { volunteerId: SOME_ID, servedOn: "2026-03-01", minutes: 1441 } },
        "minutes",
      ],
      [
        `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
        {
          input: {
            name: "新村留守学生之家",
            regionCode: YANTING,
            address: "盐亭县",
            hostModel: "FAMILY",
            capacity: 2001,
          },
        },
        "capacity",
      ],
      [
        `mutation($input: RecordInKindGiftInput!) { recordInKindGift(input: $input) { id } }`,
        {
          input: {
            idempotencyKey: "in-kind-no-items",
            fundCode: "LOVE_FUND",
            donorName: "某书店",
            category: "BOOKS",
            description: "儿童图书",
            quantity: 0,
            estimatedValue: { fen: 100_000 },
            receivedOn: "2026-03-01",
          },
        },
        "quantity",
      ],
      [
        `mutation($input: DeliverInKindGiftInput!) { deliverInKindGift(input: $input) { id } }`,
        { input: { giftId: SOME_ID, siteId: SOME_ID, quantity: 10_000_001, deliveredOn: "2026-03-01" } },
        "quantity",
      ],
    ];
    for (const [query, variables, field] of cases) {
      const refused = await refusal(query, variables);
      expect(refused, query).toMatchObject({ data: null, code: "BAD_USER_INPUT", field });
    }
  });
});

describe("bounded whole numbers given as plain arguments", () => {
  it("refuses a year or a length outside its bounds, naming the argument", async () => {
    const cases: [string, string][] = [
      [`{ awardSelections(year: 99999, first: 5) { totalCount } }`, "year"],
      [`{ assessmentRanking(year: 1, region: "510000", first: 5) { totalCount } }`, "year"],
      [`{ excellentHomes(year: 3000, first: 5) { totalCount } }`, "year"],
      [`{ region(code: "510700") { activityCounts(year: 1999) { count } } }`, "year"],
    ];
    for (const [query, field] of cases) {
      const refused = await refusal(query, {});
      expect(refused, query).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(refused.message).toMatch(/must be a whole number from/);
    }
  });
});
