import {
  announceSites,
  announceStudents,
  announceVolunteers,
  entities,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { campaignsService } from "../../testing.js";
import {
  createActivity,
  FIXTURE_HOMES,
  FUCHENG,
  HOME_A,
  HOME_B,
  HOME_C,
  YANTING,
} from "../activity/activity.fixtures.js";

const REGISTER_CHILD = /* GraphQL */ `
  mutation($input: RegisterChildForActivityInput!) {
    registerChildForActivity(input: $input) { id status participant student { id } home { id } }
  }
`;
const REGISTER_VOLUNTEER = /* GraphQL */ `
  mutation($input: RegisterVolunteerForActivityInput!) {
    registerVolunteerForActivity(input: $input) { id status volunteer { id } }
  }
`;
const CANCEL = /* GraphQL */ `
  mutation($id: ID!) { cancelActivityRegistration(id: $id) { cancelled { id status } promoted { id status } } }
`;
const ATTEND = /* GraphQL */ `
  mutation($input: RecordActivityAttendanceInput!) { recordActivityAttendance(input: $input) { id attended minutes } }
`;

const child = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const volunteer = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Child `n`, announced by people as attending `homeId`. */
async function childAt(n: number, homeId: string): Promise<string> {
  await announceStudents(campaigns, [
    { id: child(n), siteId: homeId, countyCode: homeId === HOME_C ? FUCHENG : YANTING },
  ]);
  return child(n);
}

let campaigns: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;
let managerA: Record<string, string>;

beforeAll(async () => {
  campaigns = await startSubgraph(campaignsService);
  await announceSites(campaigns, [...FIXTURE_HOMES]);
  // The volunteers people has announced: active, in Yanting.
  await announceVolunteers(
    campaigns,
    Array.from({ length: 20 }, (_, n) => ({ id: volunteer(n), countyCode: YANTING })),
  );
  admin = await identityHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
  managerA = await identityHeaders({ subject: "manager-a", roles: ["SITE_MANAGER"], siteIds: [HOME_A] });
  // HOME_C becomes known to this subgraph, in Fucheng District.
  await createActivity(campaigns, { regionCode: FUCHENG, homeIds: [HOME_C] });
});
afterAll(() => campaigns?.close());

async function occurrenceWith(capacity: number, volunteerCapacity = 1) {
  const activity = await createActivity(campaigns, {
    capacity,
    volunteerCapacity,
    homeIds: [HOME_A, HOME_B],
  });
  return activity.occurrences.edges[0]!.node.id;
}

describe("registering children", () => {
  it("gives places up to capacity, then the waiting list; a cancellation promotes the next in line", async () => {
    const occurrenceId = await occurrenceWith(2);
    const statuses: string[] = [];
    const ids: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const { data, errors } = await campaigns.execute(
        REGISTER_CHILD,
        { input: { occurrenceId, studentId: await childAt(n, HOME_A), homeId: HOME_A } },
        managerA,
      );
      expect(errors).toBeUndefined();
      statuses.push(data?.registerChildForActivity.status);
      ids.push(data?.registerChildForActivity.id);
    }
    expect(statuses).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED"]);
    const line = await campaigns.execute(
      `query($id: ID!) { activityRegistrations(occurrenceId: $id) { edges { node { status waitingPosition } } } }`,
      { id: occurrenceId },
      managerA,
    );
    expect(line.data?.activityRegistrations.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { status: "CONFIRMED", waitingPosition: null },
      { status: "CONFIRMED", waitingPosition: null },
      { status: "WAITLISTED", waitingPosition: 1 },
      { status: "WAITLISTED", waitingPosition: 2 },
    ]);

    const { data, errors } = await campaigns.execute(CANCEL, { id: ids[1] }, managerA);
    expect(errors).toBeUndefined();
    expect(data?.cancelActivityRegistration).toEqual({
      cancelled: { id: ids[1], status: "CANCELLED" },
      promoted: { id: ids[2], status: "CONFIRMED" },
    });
    // Cancelling a waiting place promotes nobody; a second cancellation is a conflict.
    const waiting = await campaigns.execute(CANCEL, { id: ids[3] }, managerA);
    expect(waiting.data?.cancelActivityRegistration.promoted).toBeNull();
    const again = await campaigns.execute(CANCEL, { id: ids[3] }, managerA);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const places = await campaigns.execute(
      `query($id: ID!) { occurrence(id: $id) { places { childrenConfirmed childrenWaiting childrenLeft } } }`,
      { id: occurrenceId },
      admin,
    );
    expect(places.data?.occurrence.places).toEqual({
      childrenConfirmed: 2,
      childrenWaiting: 0,
      childrenLeft: 0,
    });
  });

  it("never gives the last place twice: ten parallel registrations for one place, one confirmed", async () => {
    const occurrenceId = await occurrenceWith(1);
    for (let n = 0; n < 10; n++) await childAt(100 + n, HOME_A);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        campaigns.execute(
          REGISTER_CHILD,
          { input: { occurrenceId, studentId: child(100 + n), homeId: HOME_A } },
          admin,
        ),
      ),
    );
    expect(results.every((result) => result.errors === undefined)).toBe(true);
    const statuses = results.map((result) => result.data?.registerChildForActivity.status);
    expect(statuses.filter((status) => status === "CONFIRMED")).toHaveLength(1);
    expect(statuses.filter((status) => status === "WAITLISTED")).toHaveLength(9);
    expect(
      await campaigns.database.client.registration.count({ where: { occurrenceId, status: "CONFIRMED" } }),
    ).toBe(1);
  });

  it("refuses the same child twice, also when both requests arrive at once", async () => {
    const occurrenceId = await occurrenceWith(5);
    const input = { occurrenceId, studentId: await childAt(200, HOME_A), homeId: HOME_A };
    const results = await Promise.all(
      [1, 2, 3].map(() => campaigns.execute(REGISTER_CHILD, { input }, admin)),
    );
    expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
    for (const result of results.filter((r) => r.errors)) {
      expect(result.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    }
  });

  it("lets only staff who may act for the child's home register the child", async () => {
    const occurrenceId = await occurrenceWith(20);
    const allowed = [
      managerA,
      await identityHeaders({ subject: "yanting", roles: ["COUNTY_OFFICER"], regionScope: YANTING }),
      await identityHeaders({ subject: "mianyang", roles: ["CITY_ADMIN"], regionScope: "510700" }),
    ];
    for (const [n, headers] of allowed.entries()) {
      const { errors } = await campaigns.execute(
        REGISTER_CHILD,
        { input: { occurrenceId, studentId: await childAt(300 + n, HOME_A), homeId: HOME_A } },
        headers,
      );
      expect(errors).toBeUndefined();
    }
    const refused: [Record<string, string>, string, string][] = [
      // The manager of HOME_A, for a child of HOME_B (a host home of the activity, but not theirs).
      [managerA, HOME_B, "FORBIDDEN"],
      // An officer of Fucheng, for a Yanting home; and a Yanting officer for the Fucheng home.
      [await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: FUCHENG }), HOME_A, "FORBIDDEN"],
      [await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: YANTING }), HOME_C, "FORBIDDEN"],
      [await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" }), HOME_A, "FORBIDDEN"],
      [await identityHeaders({ roles: ["VOLUNTEER"], volunteerId: volunteer(1) }), HOME_A, "FORBIDDEN"],
      [await identityHeaders({ roles: ["FINANCE_OFFICER"], regionScope: "510000" }), HOME_A, "FORBIDDEN"],
      [{}, HOME_A, "UNAUTHENTICATED"],
    ];
    for (const [n, [headers, homeId, code]] of refused.entries()) {
      const { data, errors } = await campaigns.execute(
        REGISTER_CHILD,
        { input: { occurrenceId, studentId: await childAt(400 + n, homeId), homeId } },
        headers,
      );
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions?.code, `refusal ${n}`).toBe(code);
    }
    expect(await campaigns.database.client.registration.count({ where: { occurrenceId } })).toBe(3);
  });

  it("answers NOT_FOUND for an unknown occurrence and BAD_USER_INPUT for a malformed id", async () => {
    const unknown = await campaigns.execute(
      REGISTER_CHILD,
      { input: { occurrenceId: child(999), studentId: await childAt(1, HOME_A), homeId: HOME_A } },
      admin,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const malformed = await campaigns.execute(
      REGISTER_CHILD,
      { input: { occurrenceId: "x", studentId: await childAt(1, HOME_A), homeId: HOME_A } },
      admin,
    );
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "occurrenceId",
    });
  });
});

describe("volunteers", () => {
  it("register themselves, wait when the places are taken, and are promoted in order", async () => {
    const occurrenceId = await occurrenceWith(5, 1);
    const as = (n: number) =>
      identityHeaders({ subject: `volunteer-${n}`, roles: ["VOLUNTEER"], volunteerId: volunteer(n) });
    const first = await campaigns.execute(REGISTER_VOLUNTEER, { input: { occurrenceId } }, await as(1));
    const second = await campaigns.execute(REGISTER_VOLUNTEER, { input: { occurrenceId } }, await as(2));
    expect(first.data?.registerVolunteerForActivity).toMatchObject({
      status: "CONFIRMED",
      volunteer: { id: volunteer(1) },
    });
    expect(second.data?.registerVolunteerForActivity.status).toBe("WAITLISTED");
    // Nobody registers another volunteer but the activity's staff.
    const other = await campaigns.execute(
      REGISTER_VOLUNTEER,
      { input: { occurrenceId, volunteerId: volunteer(3) } },
      await as(2),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const cancelled = await campaigns.execute(
      CANCEL,
      { id: first.data?.registerVolunteerForActivity.id },
      await as(1),
    );
    expect(cancelled.data?.cancelActivityRegistration.promoted.id).toBe(
      second.data?.registerVolunteerForActivity.id,
    );
  });

  it("report their activities and the minutes they served, from attendance, in one statement per batch", async () => {
    const activity = await createActivity(campaigns, { capacity: 5, volunteerCapacity: 3 });
    const occurrenceId = activity.occurrences.edges[0]!.node.id;
    const registrations: string[] = [];
    for (const n of [11, 12]) {
      const { data } = await campaigns.execute(
        REGISTER_VOLUNTEER,
        { input: { occurrenceId, volunteerId: volunteer(n) } },
        managerA,
      );
      registrations.push(data?.registerVolunteerForActivity.id);
    }
    // Attendance is recorded once the occurrence has begun: move it into the past.
    const early = await campaigns.execute(
      ATTEND,
      { input: { registrationId: registrations[0], attended: true } },
      managerA,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    await campaigns.database.client.occurrence.update({
      where: { id: occurrenceId },
      data: { startsAt: new Date("2026-01-10T01:00:00Z"), endsAt: new Date("2026-01-10T03:00:00Z") },
    });
    const full = await campaigns.execute(
      ATTEND,
      { input: { registrationId: registrations[0], attended: true } },
      managerA,
    );
    expect(full.data?.recordActivityAttendance).toMatchObject({ attended: true, minutes: 120 });
    await campaigns.execute(
      ATTEND,
      { input: { registrationId: registrations[1], attended: true, minutes: 45 } },
      managerA,
    );
    const outsider = await campaigns.execute(
      ATTEND,
      { input: { registrationId: registrations[1], attended: false } },
      await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [HOME_C] }),
    );
    expect(outsider.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const before = campaigns.statements();
    const { data, errors } = await entities(
      campaigns.url,
      [11, 12, 13].map((n) => ({ __typename: "Volunteer", id: volunteer(n) })),
      "... on Volunteer { id activityMinutes }",
    );
    expect(errors).toBeUndefined();
    expect(campaigns.statements() - before).toBe(1);
    expect(data?._entities.map((v) => v?.activityMinutes)).toEqual([120, 45, 0]);

    const mine = await entities(
      campaigns.url,
      [{ __typename: "Volunteer", id: volunteer(11) }],
      "... on Volunteer { activities(first: 5) { totalCount edges { node { id } } } }",
      await identityHeaders({ roles: ["VOLUNTEER"], volunteerId: volunteer(11) }),
    );
    expect(mine.data?._entities[0]?.activities).toEqual({
      totalCount: 1,
      edges: [{ node: { id: activity.id } }],
    });
    const others = await entities(
      campaigns.url,
      [{ __typename: "Volunteer", id: volunteer(11) }],
      "... on Volunteer { activities(first: 5) { totalCount } }",
      await identityHeaders({ roles: ["VOLUNTEER"], volunteerId: volunteer(12) }),
    );
    expect(others.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the audit log", () => {
  it("records every registration, refused ones too, without the input's values, and cannot be changed", async () => {
    const occurrenceId = await occurrenceWith(3);
    const headers = { ...managerA, "x-request-id": "campaigns-audit-ok" };
    await campaigns.execute(
      REGISTER_CHILD,
      { input: { occurrenceId, studentId: await childAt(900, HOME_A), homeId: HOME_A } },
      headers,
    );
    const refused = { ...managerA, "x-request-id": "campaigns-audit-refused" };
    await campaigns.execute(
      REGISTER_CHILD,
      { input: { occurrenceId, studentId: await childAt(901, HOME_B), homeId: HOME_B } },
      refused,
    );
    const audit = campaigns.database.client.auditEntry;
    const [ok] = await audit.findMany({ where: { requestId: "campaigns-audit-ok" } });
    expect(ok).toMatchObject({
      actorId: "manager-a",
      action: "MUTATION",
      operation: "registerChildForActivity",
      entity: "ActivityRegistration",
      outcome: "OK",
    });
    expect(ok?.fields.sort()).toEqual(["homeId", "occurrenceId", "studentId"]);
    expect(JSON.stringify(ok)).not.toContain(child(900));
    const [failed] = await audit.findMany({ where: { requestId: "campaigns-audit-refused" } });
    expect(failed?.outcome).toBe("FAILED");
    await expect(audit.deleteMany({})).rejects.toThrow();
    await expect(audit.updateMany({ data: { outcome: "OK" } })).rejects.toThrow();
  });
});

describe("an occurrence's children's places", () => {
  it("are exact only for staff who may see every child of its county; suppressed for the others, whatever their role", async () => {
    const occurrenceId = await occurrenceWith(5);
    for (const n of [501, 502]) {
      const { errors } = await campaigns.execute(
        REGISTER_CHILD,
        { input: { occurrenceId, studentId: await childAt(n, HOME_A), homeId: HOME_A } },
        admin,
      );
      expect(errors).toBeUndefined();
    }
    const PLACES = `query($id: ID!) { occurrence(id: $id) { places { childrenConfirmed childrenLeft } } }`;
    const cases: [string, Record<string, string>, number | null][] = [
      ["a province admin", admin, 2],
      [
        "Yanting's county officer",
        await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: YANTING }),
        2,
      ],
      ["a Chengdu city admin", await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" }), null],
      [
        "Fucheng's county officer",
        await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: FUCHENG }),
        null,
      ],
      ["the anonymous public", {}, null],
    ];
    for (const [who, headers, confirmed] of cases) {
      const { data, errors } = await campaigns.execute(PLACES, { id: occurrenceId }, headers);
      expect(errors, who).toBeUndefined();
      expect(data?.occurrence.places.childrenConfirmed, who).toBe(confirmed);
      // The places left would give the confirmed count away: withheld with it.
      expect(data?.occurrence.places.childrenLeft, who).toBe(confirmed === null ? null : 3);
    }
  });
});

describe("who is registered is someone people knows", () => {
  it("refuses a child people never announced with NOT_FOUND naming input.studentId", async () => {
    const occurrenceId = await occurrenceWith(5);
    const { data, errors } = await campaigns.execute(
      REGISTER_CHILD,
      { input: { occurrenceId, studentId: child(5000), homeId: HOME_A } },
      admin,
    );
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "input.studentId" });
    expect(await campaigns.database.client.registration.count({ where: { occurrenceId } })).toBe(0);
  });

  it("refuses a child registered by a home they do not attend", async () => {
    const occurrenceId = await occurrenceWith(5);
    await childAt(5001, HOME_B);
    const { errors } = await campaigns.execute(
      REGISTER_CHILD,
      { input: { occurrenceId, studentId: child(5001), homeId: HOME_A } },
      admin,
    );
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.homeId",
      siteId: HOME_B,
    });
  });

  it("refuses a volunteer people never announced, and one who is not active", async () => {
    const occurrenceId = await occurrenceWith(5, 5);
    const unknown = await campaigns.execute(
      REGISTER_VOLUNTEER,
      { input: { occurrenceId, volunteerId: volunteer(5000) } },
      admin,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "input.volunteerId" });
    await announceVolunteers(campaigns, [{ id: volunteer(5001), countyCode: YANTING, status: "INACTIVE" }]);
    const inactive = await campaigns.execute(
      REGISTER_VOLUNTEER,
      { input: { occurrenceId, volunteerId: volunteer(5001) } },
      admin,
    );
    expect(inactive.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", status: "INACTIVE" });
    expect(await campaigns.database.client.registration.count({ where: { occurrenceId } })).toBe(0);
  });
});
