import { addDays, isoDay, todayInProvince } from "@lamplight/regions";
import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { createServer } from "../../server.js";
import { peopleService } from "../../testing.js";

// Children and volunteers in Yanting County (510723), Mianyang.
const HOME = "a0000000-0000-4000-8000-0000000000aa";
let people: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;
let children: string[];
let serial = 0;

const PAIR = /* GraphQL */ `
  mutation($input: PairVolunteerInput!) {
    pairVolunteer(input: $input) { id startedOn checkInEveryDays nextCheckInDue overdue reason volunteer { id } student { id } }
  }
`;

async function volunteer(overrides: Partial<Prisma.VolunteerUncheckedCreateInput> = {}, trained = true) {
  serial += 1;
  const created = await people.database.client.volunteer.create({
    data: {
      name: `志愿者${serial}`,
      kind: "COLLEGE_STUDENT",
      status: "ACTIVE",
      regionCode: "510723",
      cityCode: "510700",
      skills: ["TUTORING"],
      availableDays: ["SATURDAY"],
      weeklyHours: 4,
      backgroundCheckedOn: addDays(todayInProvince(), -30),
      backgroundCheckExpiresOn: addDays(todayInProvince(), 300),
      ...overrides,
    },
  });
  if (trained) {
    await people.database.client.volunteerTraining.create({
      data: {
        volunteerId: created.id,
        topic: "CHILD_PROTECTION",
        title: "儿童保护",
        completedOn: addDays(todayInProvince(), -60),
      },
    });
  }
  return created.id;
}

const pair = (
  volunteerId: string,
  studentId: string,
  extra: Record<string, unknown> = {},
  headers = officer,
) =>
  people.execute(
    PAIR,
    { input: { volunteerId, studentId, reason: "父母均在外务工，孩子孤独", ...extra } },
    headers,
  );

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  officer = await identityHeaders({
    subject: "yanting-officer",
    roles: ["COUNTY_OFFICER"],
    regionScope: "510723",
  });
  await people.database.client.student.createMany({
    data: Array.from({ length: 12 }, (_, index) => ({
      id: `c0000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      name: `孩子${index}`,
      gender: "FEMALE" as const,
      birthDate: new Date("2016-04-01"),
      regionCode: "510723",
      cityCode: "510700",
      siteId: HOME,
      school: "鹤塘镇中心小学",
      grade: 4,
      guardianName: `奶奶${index}`,
      guardianRelationship: "GRANDPARENT" as const,
      guardianPhone: "13800001111",
      parentWorkCity: "广东省东莞市",
      parentEmployer: "东莞电子有限公司",
      parentPhone: "13900002222",
    })),
  });
  children = (await people.database.client.student.findMany({ orderBy: { name: "asc" } })).map(
    (row) => row.id,
  );
});
afterAll(() => people?.close());

describe("pairVolunteer: only an active, vetted, trained volunteer, within the limit", () => {
  it("pairs an eligible volunteer, due to check in after the cadence", async () => {
    const id = await volunteer();
    const { data, errors } = await pair(id, children[0]!, { checkInEveryDays: 7 });
    expect(errors).toBeUndefined();
    expect(data?.pairVolunteer).toMatchObject({
      startedOn: isoDay(todayInProvince()),
      checkInEveryDays: 7,
      nextCheckInDue: isoDay(addDays(todayInProvince(), 7)),
      overdue: false,
      reason: "父母均在外务工，孩子孤独",
      volunteer: { id },
      student: { id: children[0] },
    });
  });

  it.each([
    [
      "a volunteer who is not active",
      { status: "VETTED" },
      true,
      "VOLUNTEER_NOT_ACTIVE",
      "only an active volunteer",
    ],
    [
      "a volunteer whose background check has expired",
      { backgroundCheckExpiresOn: addDays(todayInProvince(), -1) },
      true,
      "BACKGROUND_CHECK_EXPIRED",
      "background check expired",
    ],
    [
      "a volunteer never checked",
      { backgroundCheckedOn: null, backgroundCheckExpiresOn: null },
      true,
      "BACKGROUND_CHECK_MISSING",
      "no background check",
    ],
    [
      "a volunteer without child-protection training",
      {},
      false,
      "NOT_TRAINED",
      "no current child-protection training",
    ],
  ] as const)(
    "refuses %s with CONFLICT and a clear reason",
    async (_what, overrides, trained, reason, message) => {
      const id = await volunteer(overrides as Partial<Prisma.VolunteerUncheckedCreateInput>, trained);
      const { data, errors } = await pair(id, children[1]!);
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason });
      expect(errors?.[0]?.message).toContain(message);
      expect(await people.database.client.pairing.count({ where: { volunteerId: id } })).toBe(0);
    },
  );

  it("refuses a fourth child: at most three per volunteer by default", async () => {
    const id = await volunteer();
    for (const child of children.slice(2, 5)) expect((await pair(id, child)).errors).toBeUndefined();
    const { errors } = await pair(id, children[5]!);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "PAIRING_LIMIT_REACHED" });
    expect(errors?.[0]?.message).toContain(
      "already paired with 3 children, the most one volunteer may support (3)",
    );
  });

  it("refuses pairing the same volunteer with the same child twice", async () => {
    const id = await volunteer();
    await pair(id, children[6]!);
    const { errors } = await pair(id, children[6]!);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "ALREADY_PAIRED" });
  });

  it("holds the limit when six pairings of one volunteer arrive at once", async () => {
    const id = await volunteer();
    const results = await Promise.all(children.slice(6, 12).map((child) => pair(id, child)));
    const ok = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(ok).toHaveLength(3);
    expect(refused.map((result) => result.errors?.[0]?.extensions?.reason)).toEqual(
      Array(3).fill("PAIRING_LIMIT_REACHED"),
    );
    expect(await people.database.client.pairing.count({ where: { volunteerId: id, endedOn: null } })).toBe(3);
  });

  it("refuses a start in the future and an end before the start; an ended pairing stays ended", async () => {
    const id = await volunteer();
    const future = await pair(id, children[7]!, { startedOn: isoDay(addDays(todayInProvince(), 3)) });
    expect(future.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.startedOn",
    });
    const started = await pair(id, children[7]!, { startedOn: isoDay(addDays(todayInProvince(), -10)) });
    const pairingId = started.data?.pairVolunteer.id;
    const END = `mutation($id: ID!, $input: EndPairingInput!) { endPairing(id: $id, input: $input) { endedOn endReason } }`;
    const early = await people.execute(
      END,
      { id: pairingId, input: { endedOn: isoDay(addDays(todayInProvince(), -20)), reason: "x" } },
      officer,
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.endedOn" });
    const ended = await people.execute(
      END,
      { id: pairingId, input: { reason: "孩子随父母去了东莞" } },
      officer,
    );
    expect(ended.data?.endPairing).toEqual({
      endedOn: isoDay(todayInProvince()),
      endReason: "孩子随父母去了东莞",
    });
    const again = await people.execute(END, { id: pairingId, input: { reason: "again" } }, officer);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "ENDED" });
  });

  it("is for staff who may see the child", async () => {
    const id = await volunteer();
    const chengdu = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" });
    expect((await pair(id, children[0]!, {}, chengdu)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const self = await identityHeaders({ roles: ["VOLUNTEER"], volunteerId: id });
    expect((await pair(id, children[0]!, {}, self)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await pair(id, children[0]!, {}, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("ends a volunteer's open pairings when they are deactivated", async () => {
    const id = await volunteer();
    await pair(id, children[8]!);
    const { errors } = await people.execute(
      `mutation($id: ID!) { deactivateVolunteer(id: $id, reason: "回城工作") { status } }`,
      { id },
      officer,
    );
    expect(errors).toBeUndefined();
    const pairing = await people.database.client.pairing.findFirstOrThrow({ where: { volunteerId: id } });
    expect(pairing.endedOn).not.toBeNull();
    expect(pairing.endReason).toBe("volunteer deactivated: 回城工作");
  });
});

describe("check-ins", () => {
  const OVERDUE = `{ overduePairings(first: 100) { totalCount edges { node { id daysOverdue lastCheckInOn student { id } } } } }`;

  it("lists pairings overdue for a check-in, and a check-in by the volunteer clears it", async () => {
    const id = await volunteer();
    const started = await pair(id, children[9]!, {
      startedOn: isoDay(addDays(todayInProvince(), -30)),
      checkInEveryDays: 14,
    });
    const pairingId = started.data?.pairVolunteer.id;
    const before = await people.execute(OVERDUE, {}, officer);
    const overdue = before.data?.overduePairings.edges.find((edge: any) => edge.node.id === pairingId);
    expect(overdue?.node).toMatchObject({ daysOverdue: 16, lastCheckInOn: null });

    const self = await identityHeaders({ subject: "v-check", roles: ["VOLUNTEER"], volunteerId: id });
    const { data, errors } = await people.execute(
      `mutation($input: RecordCareInput!) { recordCare(input: $input) { kind happenedOn volunteer { id kind } } }`,
      {
        input: {
          studentId: children[9],
          kind: "VISIT",
          happenedOn: isoDay(addDays(todayInProvince(), -2)),
          notes: "一起读书",
        },
      },
      self,
    );
    expect(errors).toBeUndefined();
    expect(data?.recordCare).toMatchObject({ kind: "VISIT", volunteer: { id, kind: "COLLEGE_STUDENT" } });
    const pairing = await people.database.client.pairing.findUniqueOrThrow({ where: { id: pairingId } });
    expect(isoDay(pairing.nextCheckInDue)).toBe(isoDay(addDays(todayInProvince(), 12)));
    const after = await people.execute(OVERDUE, {}, officer);
    expect(after.data?.overduePairings.edges.map((edge: any) => edge.node.id)).not.toContain(pairingId);
  });

  it("lists only the children in the caller's scope", async () => {
    const chengdu = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" });
    const { data } = await people.execute(OVERDUE, {}, chengdu);
    expect(data?.overduePairings.totalCount).toBe(0);
  });

  it("refuses a volunteer's care record for a child they are not paired with", async () => {
    const id = await volunteer();
    const self = await identityHeaders({ roles: ["VOLUNTEER"], volunteerId: id });
    const { errors } = await people.execute(
      `mutation($input: RecordCareInput!) { recordCare(input: $input) { id } }`,
      {
        input: {
          studentId: children[0],
          kind: "FAMILY_CALL",
          happenedOn: isoDay(todayInProvince()),
          notes: "x",
        },
      },
      self,
    );
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the limit is configurable", () => {
  it("refuses a second child when MAX_CHILDREN_PER_VOLUNTEER is 1", async () => {
    const strict = await startSubgraph({
      ...peopleService,
      createServer: (deps) => createServer({ ...deps, maxChildrenPerVolunteer: 1 }),
    });
    try {
      const db = strict.database.client;
      const volunteer = await db.volunteer.create({
        data: {
          name: "严格",
          kind: "TEACHER",
          status: "ACTIVE",
          regionCode: "510723",
          cityCode: "510700",
          backgroundCheckedOn: addDays(todayInProvince(), -3),
          backgroundCheckExpiresOn: addDays(todayInProvince(), 300),
          trainings: {
            create: [
              { topic: "CHILD_PROTECTION", title: "儿童保护", completedOn: addDays(todayInProvince(), -2) },
            ],
          },
        },
      });
      const ids = ["c1000000-0000-4000-8000-000000000001", "c1000000-0000-4000-8000-000000000002"];
      await db.student.createMany({
        data: ids.map((id) => ({
          id,
          name: id,
          gender: "MALE" as const,
          birthDate: new Date("2016-01-01"),
          regionCode: "510723",
          cityCode: "510700",
          grade: 4,
          guardianName: "爷爷",
          guardianRelationship: "GRANDPARENT" as const,
        })),
      });
      const run = (studentId: string) =>
        strict.execute(PAIR, { input: { volunteerId: volunteer.id, studentId, reason: "陪伴" } }, officer);
      expect((await run(ids[0]!)).errors).toBeUndefined();
      const { errors } = await run(ids[1]!);
      expect(errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "PAIRING_LIMIT_REACHED" });
      expect(errors?.[0]?.message).toContain("the most one volunteer may support (1)");
    } finally {
      await strict.close();
    }
  });
});
