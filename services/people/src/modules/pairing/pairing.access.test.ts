import { addDays, isoDay, todayInProvince } from "@lamplight/regions";
import { entities, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// A volunteer paired with PAIRED, not with OTHER; both attend the same home in Yanting.
const HOME = "a0000000-0000-4000-8000-0000000000bb";
const PAIRED = "d0000000-0000-4000-8000-000000000001";
const OTHER = "d0000000-0000-4000-8000-000000000002";
const VOLUNTEER = "e0000000-0000-4000-8000-000000000001";

let people: StartedSubgraph<PrismaClient>;
let volunteer: Record<string, string>;
let staff: Record<string, string>;

const CHILD_FIELDS =
  "name gender birthDate school site { id } guardianName guardianRelationship needs { category } guardians { name relationship }";
const CONTACT_FIELDS = "guardianPhone parentWorkCity parentEmployer parentPhone migrantParents { workCity }";

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  const db = people.database.client;
  for (const [id, name] of [
    [PAIRED, "陈小雨"],
    [OTHER, "林小明"],
  ] as const) {
    await db.student.create({
      data: {
        id,
        name,
        gender: "FEMALE",
        birthDate: new Date("2016-04-01"),
        regionCode: "510723",
        cityCode: "510700",
        siteId: HOME,
        school: "鹤塘镇中心小学",
        grade: 4,
        guardianName: "陈奶奶",
        guardianRelationship: "GRANDPARENT",
        guardianPhone: "13800001111",
        parentWorkCity: "广东省东莞市",
        parentEmployer: "东莞电子有限公司",
        parentPhone: "13900002222",
        needs: { create: [{ category: "LEARNING", level: "MEDIUM", assessedOn: new Date("2026-05-01") }] },
        guardians: {
          create: [{ name: "陈奶奶", relationship: "GRANDPARENT", phone: "13800001111", isPrimary: true }],
        },
        migrantParents: {
          create: [{ name: "陈大明", role: "FATHER", workCity: "广东省东莞市", phone: "13900002222" }],
        },
      },
    });
  }
  await db.volunteer.create({
    data: {
      id: VOLUNTEER,
      name: "刘老师",
      kind: "TEACHER",
      status: "ACTIVE",
      regionCode: "510723",
      cityCode: "510700",
      backgroundCheckedOn: addDays(todayInProvince(), -10),
      backgroundCheckExpiresOn: addDays(todayInProvince(), 300),
      trainings: {
        create: [
          { topic: "CHILD_PROTECTION", title: "儿童保护", completedOn: addDays(todayInProvince(), -20) },
        ],
      },
    },
  });
  const pairing = await db.pairing.create({
    data: {
      volunteerId: VOLUNTEER,
      studentId: PAIRED,
      reason: "学习需要辅导",
      startedOn: addDays(todayInProvince(), -5),
      checkInEveryDays: 14,
      nextCheckInDue: addDays(todayInProvince(), 9),
    },
  });
  await db.careRecord.createMany({
    data: [
      {
        studentId: PAIRED,
        kind: "VISIT",
        happenedOn: addDays(todayInProvince(), -3),
        notes: "辅导数学",
        volunteerId: VOLUNTEER,
        pairingId: pairing.id,
      },
      {
        studentId: PAIRED,
        kind: "COUNSELLING",
        happenedOn: addDays(todayInProvince(), -2),
        notes: "心理老师谈话",
      },
    ],
  });
  volunteer = await identityHeaders({
    subject: "volunteer-liu",
    roles: ["VOLUNTEER"],
    volunteerId: VOLUNTEER,
  });
  staff = await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [HOME] });
});
afterAll(() => people?.close());

describe("a volunteer sees only the children they are paired with", () => {
  it("lists only the paired child, in students and in the home's students", async () => {
    const { data, errors } = await people.execute(
      `{ students { totalCount edges { node { id name } } } }`,
      {},
      volunteer,
    );
    expect(errors).toBeUndefined();
    expect(data?.students).toEqual({ totalCount: 1, edges: [{ node: { id: PAIRED, name: "陈小雨" } }] });
    const home = await entities(
      people.url,
      [{ __typename: "Site", id: HOME }],
      "... on Site { childrenCount students { totalCount edges { node { id } } } }",
      volunteer,
    );
    // The home's count is an aggregate: volunteers get the published figure (no consent here: 0).
    expect(home.data?._entities[0]).toEqual({
      childrenCount: 0,
      students: { totalCount: 1, edges: [{ node: { id: PAIRED } }] },
    });
  });

  it("refuses another child of the same home", async () => {
    const { data, errors } = await people.execute(
      `query($id: ID!) { student(id: $id) { name } }`,
      { id: OTHER },
      volunteer,
    );
    expect(data?.student ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("reads what one-to-one support needs, but never the family's contacts", async () => {
    const headers = { ...volunteer, "x-request-id": "volunteer-child-read" };
    const { data, errors } = await people.execute(
      `query($id: ID!) { student(id: $id) { ${CHILD_FIELDS} ${CONTACT_FIELDS} guardians { phone } } }`,
      { id: PAIRED },
      headers,
    );
    expect(data?.student).toMatchObject({
      name: "陈小雨",
      school: "鹤塘镇中心小学",
      site: { id: HOME },
      guardianName: "陈奶奶",
      needs: [{ category: "LEARNING" }],
      guardians: [{ name: "陈奶奶", relationship: "GRANDPARENT", phone: null }],
      guardianPhone: null,
      parentWorkCity: null,
      parentEmployer: null,
      parentPhone: null,
      migrantParents: null,
    });
    expect(errors?.map((error) => error.path?.join(".")).sort()).toEqual([
      "student.guardianPhone",
      "student.guardians.0.phone",
      "student.migrantParents",
      "student.parentEmployer",
      "student.parentPhone",
      "student.parentWorkCity",
    ]);
    expect(errors?.every((error) => error.extensions?.code === "REDACTED")).toBe(true);
    const audit = await people.database.client.auditEntry.findMany({
      where: { requestId: "volunteer-child-read" },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        entity: "Student",
        entityId: PAIRED,
        actorId: "volunteer-liu",
        fields: [
          "name",
          "gender",
          "birthDate",
          "school",
          "site",
          "guardianName",
          "guardianRelationship",
          "needs",
          "guardians",
        ],
      }),
    ]);
  });

  it("sees the care records they wrote, staff see all of them", async () => {
    const QUERY = `query($id: ID!) { student(id: $id) { careRecords { totalCount edges { node { kind notes } } } } }`;
    const own = await people.execute(QUERY, { id: PAIRED }, volunteer);
    expect(own.data?.student.careRecords).toEqual({
      totalCount: 1,
      edges: [{ node: { kind: "VISIT", notes: "辅导数学" } }],
    });
    const all = await people.execute(QUERY, { id: PAIRED }, staff);
    expect(all.data?.student.careRecords.edges.map((edge: any) => edge.node.kind)).toEqual([
      "COUNSELLING",
      "VISIT",
    ]);
  });

  it("sees nothing of a child once the pairing has ended", async () => {
    await people.database.client.pairing.updateMany({
      where: { volunteerId: VOLUNTEER },
      data: { endedOn: todayInProvince(), endReason: "结束" },
    });
    const { data } = await entities(
      people.url,
      [{ __typename: "Student", id: PAIRED }],
      "... on Student { name }",
      volunteer,
    );
    expect(data?._entities[0]?.name).toBeNull();
    const list = await people.execute(`{ students { totalCount } }`, {}, volunteer);
    expect(list.data?.students.totalCount).toBe(0);
    await people.database.client.pairing.updateMany({
      where: { volunteerId: VOLUNTEER },
      data: { endedOn: null, endReason: null },
    });
  });
});

describe("the volunteer's pairings", () => {
  it("lists a child's open pairings: all for staff, their own for the volunteer", async () => {
    const QUERY = `query($id: ID!) { student(id: $id) { pairings { reason volunteer { id } } } }`;
    const forStaff = await people.execute(QUERY, { id: PAIRED }, staff);
    expect(forStaff.data?.student.pairings).toEqual([
      { reason: "学习需要辅导", volunteer: { id: VOLUNTEER } },
    ]);
    const forVolunteer = await people.execute(QUERY, { id: PAIRED }, volunteer);
    expect(forVolunteer.data?.student.pairings).toEqual([
      { reason: "学习需要辅导", volunteer: { id: VOLUNTEER } },
    ]);
  });

  it("shows the volunteer their pairings and check-ins, and hides them from other volunteers", async () => {
    const QUERY = `query($id: ID!) { volunteer(id: $id) { pairings { totalCount edges { node { reason overdue nextCheckInDue student { id } checkIns { totalCount } } } } } }`;
    const { data, errors } = await people.execute(QUERY, { id: VOLUNTEER }, volunteer);
    expect(errors).toBeUndefined();
    expect(data?.volunteer.pairings).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            reason: "学习需要辅导",
            overdue: false,
            nextCheckInDue: isoDay(addDays(todayInProvince(), 9)),
            student: { id: PAIRED },
            checkIns: { totalCount: 1 },
          },
        },
      ],
    });
    const other = await identityHeaders({
      roles: ["VOLUNTEER"],
      volunteerId: "e0000000-0000-4000-8000-000000000009",
    });
    const refused = await people.execute(QUERY, { id: VOLUNTEER }, other);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("no N+1", () => {
  it("reads twenty volunteers' trainings, service, pairings and check-ins with as many queries as one", async () => {
    const db = people.database.client;
    for (let index = 0; index < 20; index++) {
      const id = `e1000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
      await db.volunteer.create({
        data: {
          id,
          name: `批量志愿者${index}`,
          kind: "OTHER",
          status: "ACTIVE",
          regionCode: "510723",
          cityCode: "510700",
          trainings: {
            create: [{ topic: "FIRST_AID", title: "急救", completedOn: addDays(todayInProvince(), -5) }],
          },
          serviceLogs: { create: [{ servedOn: addDays(todayInProvince(), -1), minutes: 60 }] },
          pairings: {
            create: [
              {
                studentId: OTHER,
                reason: "陪伴",
                startedOn: addDays(todayInProvince(), -3),
                checkInEveryDays: 14,
                nextCheckInDue: addDays(todayInProvince(), 11),
              },
            ],
          },
        },
      });
    }
    const officer = await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: "510723" });
    const query = (first: number) => `{
      volunteers(first: ${first}, filter: { kind: OTHER }) {
        edges { node { name trainings { title } serviceLogs(first: 2) { totalCount edges { node { minutes } } }
          pairings { totalCount edges { node { reason checkIns { totalCount } student { name careRecords { totalCount } } } } }
          pairingEligibility { eligible } } }
      }
    }`;
    const statementsFor = async (first: number) => {
      const before = people.statements();
      const { data, errors } = await people.execute(query(first), {}, officer);
      expect(errors).toBeUndefined();
      expect(data?.volunteers.edges).toHaveLength(first);
      return people.statements() - before;
    };
    expect(await statementsFor(20)).toBe(await statementsFor(1));
  });
});
