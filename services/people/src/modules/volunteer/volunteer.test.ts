import { addDays, isoDay, todayInProvince } from "@lamplight/regions";
import {
  entities,
  expectNotFoundAt,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// Volunteers in Yanting County (510723), Mianyang (510700).
const YANTING = "510723";
let people: StartedSubgraph<PrismaClient>;
let mianyang: Record<string, string>;
let chengdu: Record<string, string>;

const REGISTER = /* GraphQL */ `
  mutation($input: RegisterVolunteerInput!) {
    registerVolunteer(input: $input) { id name kind status region { code } skills availability { days weeklyHours } }
  }
`;
const VET = /* GraphQL */ `
  mutation($id: ID!, $check: BackgroundCheckInput!) {
    vetVolunteer(id: $id, backgroundCheck: $check) { id status backgroundCheck { checkedOn expiresOn reference current } }
  }
`;
const ACTIVATE = `mutation($id: ID!) { activateVolunteer(id: $id) { id status } }`;
const DEACTIVATE = `mutation($id: ID!, $reason: String!) { deactivateVolunteer(id: $id, reason: $reason) { id status } }`;

const validCheck = () => ({
  checkedOn: isoDay(addDays(todayInProvince(), -10)),
  expiresOn: isoDay(addDays(todayInProvince(), 355)),
  reference: "绵公(2026)第118号",
});

async function register(name: string, headers = mianyang): Promise<string> {
  const { data, errors } = await people.execute(
    REGISTER,
    {
      input: {
        name,
        kind: "TEACHER",
        regionCode: YANTING,
        skills: ["TUTORING", "READING"],
        availableDays: ["SATURDAY"],
        weeklyHours: 4,
      },
    },
    headers,
  );
  expect(errors).toBeUndefined();
  return data?.registerVolunteer.id;
}

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  mianyang = await identityHeaders({
    subject: "mianyang-admin",
    roles: ["CITY_ADMIN"],
    regionScope: "510700",
  });
  chengdu = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" });
});
afterAll(() => people?.close());

describe("registration: applied → vetted → active → inactive", () => {
  it("registers an application in the caller's region", async () => {
    const { data, errors } = await people.execute(
      REGISTER,
      {
        input: { name: " 李老师 ", kind: "FIVE_ELDERS", regionCode: YANTING, skills: ["READING", "READING"] },
      },
      mianyang,
    );
    expect(errors).toBeUndefined();
    expect(data?.registerVolunteer).toMatchObject({
      name: "李老师",
      kind: "FIVE_ELDERS",
      status: "APPLIED",
      region: { code: YANTING },
      skills: ["READING"],
      availability: { days: [], weeklyHours: 2 },
    });
  });

  it("takes each step in order, and refuses an illegal step with a clear CONFLICT", async () => {
    const id = await register("王明");
    const early = await people.execute(ACTIVATE, { id }, mianyang);
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      status: "APPLIED",
      step: "activate",
    });
    expect(early.errors?.[0]?.message).toBe(
      "Cannot activate a volunteer who is APPLIED: a volunteer must be vetted (background check) before being activated",
    );

    const vetted = await people.execute(VET, { id, check: validCheck() }, mianyang);
    expect(vetted.errors).toBeUndefined();
    expect(vetted.data?.vetVolunteer).toMatchObject({
      status: "VETTED",
      backgroundCheck: { reference: "绵公(2026)第118号", current: true },
    });
    const again = await people.execute(VET, { id, check: validCheck() }, mianyang);
    expect(again.errors?.[0]?.message).toContain("already been vetted");

    expect((await people.execute(ACTIVATE, { id }, mianyang)).data?.activateVolunteer.status).toBe("ACTIVE");
    const twice = await people.execute(ACTIVATE, { id }, mianyang);
    expect(twice.errors?.[0]?.message).toContain("already active");

    const stopped = await people.execute(DEACTIVATE, { id, reason: "moved away" }, mianyang);
    expect(stopped.data?.deactivateVolunteer.status).toBe("INACTIVE");
    expect((await people.execute(ACTIVATE, { id }, mianyang)).data?.activateVolunteer.status).toBe("ACTIVE");
  });

  it("refuses a background check that has already expired", async () => {
    const id = await register("赵红");
    const { errors } = await people.execute(
      VET,
      { id, check: { checkedOn: "2024-01-01", expiresOn: isoDay(addDays(todayInProvince(), -1)) } },
      mianyang,
    );
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "backgroundCheck.expiresOn",
    });
  });

  it("refuses to activate again once the background check has expired", async () => {
    const id = await register("钱伟");
    await people.execute(VET, { id, check: validCheck() }, mianyang);
    await people.database.client.volunteer.update({
      where: { id },
      data: { backgroundCheckExpiresOn: addDays(todayInProvince(), -1) },
    });
    const { errors } = await people.execute(ACTIVATE, { id }, mianyang);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "BACKGROUND_CHECK_EXPIRED" });
  });

  it("lets only managers of the volunteer's region take steps", async () => {
    const id = await register("孙丽");
    const cases: [string, Record<string, string>, string][] = [
      ["the public", {}, "UNAUTHENTICATED"],
      ["another city's admin", chengdu, "FORBIDDEN"],
      ["a site manager", await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [] }), "FORBIDDEN"],
      ["the volunteer", await identityHeaders({ roles: ["VOLUNTEER"], volunteerId: id }), "FORBIDDEN"],
      [
        "a finance officer",
        await identityHeaders({ roles: ["FINANCE_OFFICER"], regionScope: "510000" }),
        "FORBIDDEN",
      ],
    ];
    for (const [who, headers, code] of cases) {
      const { errors } = await people.execute(VET, { id, check: validCheck() }, headers);
      expect(errors?.[0]?.extensions?.code, who).toBe(code);
    }
    const county = await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: YANTING });
    expect((await people.execute(VET, { id, check: validCheck() }, county)).data?.vetVolunteer.status).toBe(
      "VETTED",
    );
  });

  it("records each step in the audit log", async () => {
    const entries = await people.database.client.auditEntry.findMany({
      where: { actorId: "mianyang-admin", operation: "vetVolunteer" },
    });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({
      action: "MUTATION",
      entity: "Volunteer",
      fields: ["backgroundCheck", "id"],
    });
  });
});

describe("trainings, service and the volunteer's own record", () => {
  let id: string;
  beforeAll(async () => {
    id = await register("周杰");
    await people.execute(VET, { id, check: validCheck() }, mianyang);
  });

  it("records a training with its certificate, and service minutes by the volunteer themself", async () => {
    const training = await people.execute(
      `mutation($id: ID!, $input: TrainingInput!) { recordTraining(volunteerId: $id, input: $input) { topic title certificateNumber expiresOn } }`,
      {
        id,
        input: {
          topic: "CHILD_PROTECTION",
          title: "儿童保护与安全",
          completedOn: "2026-03-01",
          certificateNumber: "CP-2026-0042",
          expiresOn: "2028-03-01",
        },
      },
      mianyang,
    );
    expect(training.errors).toBeUndefined();
    const self = await identityHeaders({ subject: "zhou", roles: ["VOLUNTEER"], volunteerId: id });
    const LOG = `mutation($input: LogServiceInput!) { logService(input: $input) { minutes activityId } }`;
    const activityId = "ac000000-0000-4000-8000-000000000001";
    for (const [minutes, activity] of [
      [90, null],
      [45, activityId],
    ] as const) {
      const { errors } = await people.execute(
        LOG,
        { input: { servedOn: "2026-11-01", minutes, activityId: activity } },
        self,
      );
      expect(errors).toBeUndefined();
    }
    const other = await identityHeaders({
      roles: ["VOLUNTEER"],
      volunteerId: "00000000-0000-4000-8000-0000000000ff",
    });
    const refused = await people.execute(
      LOG,
      { input: { volunteerId: id, servedOn: "2026-11-01", minutes: 5 } },
      other,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const { data, errors } = await people.execute(
      `{ currentVolunteer { name loggedMinutes serviceLogs(first: 1) { totalCount edges { node { minutes } } pageInfo { hasNextPage } } trainings { title } pairingEligibility { eligible reasons placesLeft } } }`,
      {},
      self,
    );
    expect(errors).toBeUndefined();
    expect(data?.currentVolunteer).toMatchObject({
      name: "周杰",
      loggedMinutes: 135,
      serviceLogs: { totalCount: 2, pageInfo: { hasNextPage: true } },
      trainings: [{ title: "儿童保护与安全" }],
      pairingEligibility: { eligible: false, reasons: ["VOLUNTEER_NOT_ACTIVE"], placesLeft: 3 },
    });
  });

  it("adds the campaigns subgraph's activity minutes to serviceMinutes", async () => {
    const { data, errors } = await entities(
      people.url,
      [{ __typename: "Volunteer", id, activityMinutes: 120 }],
      "... on Volunteer { id loggedMinutes serviceMinutes }",
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ id, loggedMinutes: 135, serviceMinutes: 255 }]);
  });

  it("redacts the personal fields for anyone but the volunteer and their managers, and audits reads", async () => {
    const selection = "... on Volunteer { kind name phone backgroundCheck { current } trainings { title } }";
    const refused = await entities(people.url, [{ __typename: "Volunteer", id }], selection, chengdu);
    expect(refused.data?._entities[0]).toEqual({
      kind: "TEACHER",
      name: null,
      phone: null,
      backgroundCheck: null,
      trainings: null,
    });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(Array(4).fill("REDACTED"));
    const headers = { ...mianyang, "x-request-id": "volunteer-read-1" };
    const allowed = await entities(people.url, [{ __typename: "Volunteer", id }], selection, headers);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?._entities[0]?.name).toBe("周杰");
    const audit = await people.database.client.auditEntry.findMany({
      where: { requestId: "volunteer-read-1" },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "READ",
        entity: "Volunteer",
        entityId: id,
        fields: ["name", "phone", "backgroundCheck", "trainings"],
      }),
    ]);
  });

  it("resolves 50 volunteer references and their logged minutes in two SQL queries", async () => {
    const before = people.statements();
    const { errors } = await entities(
      people.url,
      Array.from({ length: 50 }, (_, index) => ({
        __typename: "Volunteer",
        id: index === 0 ? id : `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      })),
      "... on Volunteer { id kind loggedMinutes }",
    );
    expectNotFoundAt(
      { errors },
      Array.from({ length: 49 }, (_, index) => index + 1),
    );
    expect(people.statements() - before).toBe(2);
  });

  it("lists the volunteers of the caller's region only", async () => {
    const { data } = await people.execute(
      `{ volunteers(first: 100, filter: { status: VETTED }) { totalCount edges { node { id } } } }`,
      {},
      mianyang,
    );
    expect(data?.volunteers.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(id);
    const other = await people.execute(`{ volunteers { totalCount } }`, {}, chengdu);
    expect(other.data?.volunteers.totalCount).toBe(0);
  });
});
