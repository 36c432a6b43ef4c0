import { SiteEventType } from "@lamplight/events";
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
import { peopleService } from "../../testing.js";

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateStudentInput!, $confirm: Boolean) {
    createStudent(input: $input, confirmDuplicate: $confirm) {
      id name gender birthDate grade school region { code } site { id } guardianName guardianRelationship
      consent { sharePartners photos statistics } needs { category level assessedOn }
    }
  }
`;
const HOME = "c0000000-0000-4000-8000-00000000000c";
const OTHER_HOME = "d0000000-0000-4000-8000-00000000000d";

const child = (overrides: Record<string, unknown> = {}) => ({
  name: "李浩宇",
  gender: "MALE",
  birthDate: "2017-10-12",
  regionCode: "510722",
  grade: 3,
  guardianName: "李桂英",
  guardianRelationship: "GRANDPARENT",
  guardianPhone: "0816-5551234",
  ...overrides,
});

let people: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;

const CLOSED_HOME = "e0000000-0000-4000-8000-00000000000e";
const CHENGDU_HOME = "f0000000-0000-4000-8000-00000000000f";

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  // The homes sites would have told people of: two in Santai (三台县), one closed, one in Chengdu.
  await announceSites(people, [
    { id: HOME, countyCode: "510722", name: "鹤塘社区留守学生之家" },
    { id: OTHER_HOME, countyCode: "510722" },
    { id: CLOSED_HOME, countyCode: "510722", name: "石桥村留守学生之家", status: "CLOSED" },
    { id: CHENGDU_HOME, countyCode: "510121", name: "金堂县留守学生之家" },
  ]);
});
afterAll(() => people?.close());

describe("createStudent", () => {
  it("registers a child with needs and consent, and derives the city", async () => {
    const { data, errors } = await people.execute(
      CREATE,
      {
        input: child({
          name: "  张欣怡 ",
          gender: "FEMALE",
          siteId: HOME,
          school: "柏林镇中心小学",
          parentWorkCity: "广东省深圳市",
          consent: { statistics: true, photos: true },
          needs: [
            { category: "LEARNING", level: "MEDIUM", assessedOn: "2026-04-02" },
            { category: "PSYCHOLOGICAL", level: "HIGH", assessedOn: "2026-05-20" },
          ],
        }),
      },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data?.createStudent).toMatchObject({
      name: "张欣怡",
      gender: "FEMALE",
      birthDate: "2017-10-12",
      grade: 3,
      school: "柏林镇中心小学",
      region: { code: "510722" },
      site: { id: HOME },
      guardianRelationship: "GRANDPARENT",
      consent: { sharePartners: false, photos: true, statistics: true },
      // Newest assessment first.
      needs: [
        { category: "PSYCHOLOGICAL", level: "HIGH", assessedOn: "2026-05-20" },
        { category: "LEARNING", level: "MEDIUM", assessedOn: "2026-04-02" },
      ],
    });
    const row = await people.database.client.student.findUniqueOrThrow({
      where: { id: data?.createStudent.id },
    });
    expect(row).toMatchObject({ regionCode: "510722", cityCode: "510700", parentWorkCity: "广东省深圳市" });
  });

  it.each([
    ["a region code that is no region", "519999"],
    ["a city: a child lives in a county", "510700"],
    ["the province", "510000"],
  ])(
    "rejects %s with BAD_USER_INPUT naming input.regionCode, and writes nothing",
    async (_what, regionCode) => {
      const before = await people.database.client.student.count();
      const { data, errors } = await people.execute(CREATE, { input: child({ regionCode }) }, admin);
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.regionCode" });
      expect(errors?.[0]?.message).toContain("input.regionCode");
      expect(await people.database.client.student.count()).toBe(before);
    },
  );

  it("names every invalid field at once", async () => {
    const { errors } = await people.execute(
      CREATE,
      { input: child({ name: " ", grade: 13, guardianPhone: "12345", siteId: "home-1" }) },
      admin,
    );
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const fields = ((errors?.[0]?.extensions?.fields ?? []) as { field: string }[]).map(
      (problem) => problem.field,
    );
    expect([...new Set(fields)].sort()).toEqual(["grade", "guardianPhone", "name", "siteId"]);
  });

  it.each([
    ["a birth date in the future", { birthDate: "2999-01-01" }, "input.birthDate"],
    ["an adult", { birthDate: "2000-01-01" }, "input.birthDate"],
    [
      "a need assessed before the child was born",
      { needs: [{ category: "HEALTH", level: "LOW", assessedOn: "2016-01-01" }] },
      "input.needs[0].assessedOn",
    ],
    [
      "a need assessed in the future",
      { needs: [{ category: "HEALTH", level: "LOW", assessedOn: "2999-01-01" }] },
      "input.needs[0].assessedOn",
    ],
  ])("rejects %s", async (_what, overrides, field) => {
    const { errors } = await people.execute(CREATE, { input: child(overrides) }, admin);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("a child's home, as sites says it is", () => {
  const refused = async (input: Record<string, unknown>, who = admin) => {
    const name = `核对${Math.random().toString(36).slice(2, 8)}`;
    const { data, errors } = await people.execute(CREATE, { input: child({ name, ...input }) }, who);
    expect(data).toBeNull();
    expect(await people.database.client.student.count({ where: { name } })).toBe(0);
    return errors?.[0];
  };

  it("refuses a home no one has registered with NOT_FOUND naming input.siteId", async () => {
    const error = await refused({ siteId: "a1111111-1111-4111-8111-111111111111" });
    expect(error?.extensions).toMatchObject({ code: "NOT_FOUND", field: "input.siteId", entity: "Site" });
  });

  it("refuses a closed home with CONFLICT", async () => {
    const error = await refused({ siteId: CLOSED_HOME });
    expect(error?.extensions).toMatchObject({ code: "CONFLICT", field: "input.siteId", status: "CLOSED" });
  });

  it("refuses a home in another county than the child's with BAD_USER_INPUT", async () => {
    const error = await refused({ siteId: CHENGDU_HOME, regionCode: "510722" });
    expect(error?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.siteId",
      regionCode: "510121",
    });
  });

  it("scopes the registration by the home's county: a Chengdu admin cannot put a child into Mianyang's home", async () => {
    const chengdu = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" });
    const error = await refused({ siteId: HOME, regionCode: "510722" }, chengdu);
    expect(error?.extensions).toMatchObject({ code: "FORBIDDEN", regionCode: "510722" });
  });

  it("moves a home's children with the home when sites moves it to another county", async () => {
    const movingHome = "b2222222-2222-4222-8222-222222222222";
    await announceSites(people, [{ id: movingHome, countyCode: "510722" }]);
    const { data, errors } = await people.execute<{ createStudent: { id: string } }>(
      CREATE,
      { input: child({ name: "随家搬迁", siteId: movingHome }) },
      admin,
    );
    expect(errors).toBeUndefined();
    const id = data!.createStudent.id;
    await announceSites(people, [{ id: movingHome, countyCode: "510723" }], SiteEventType.MOVED);
    const row = await people.database.client.student.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ regionCode: "510723", cityCode: "510700" });
    // The new county's officer now sees the child; the old county's no longer does.
    const yanting = await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: "510723" });
    const santai = await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: "510722" });
    const query = `query($id: ID!) { student(id: $id) { name } }`;
    expect((await people.execute(query, { id }, yanting)).data?.student?.name).toBe("随家搬迁");
    expect((await people.execute(query, { id }, santai)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("who may register a child", () => {
  it.each([
    ["a city admin in their city", { roles: ["CITY_ADMIN"], regionScope: "510700" }, {}, null],
    ["a county officer in their county", { roles: ["COUNTY_OFFICER"], regionScope: "510722" }, {}, null],
    ["a site manager at their home", { roles: ["SITE_MANAGER"], siteIds: [HOME] }, { siteId: HOME }, null],
    ["a city admin of another city", { roles: ["CITY_ADMIN"], regionScope: "510100" }, {}, "FORBIDDEN"],
    [
      "a county officer of a neighbouring county",
      { roles: ["COUNTY_OFFICER"], regionScope: "510703" },
      {},
      "FORBIDDEN",
    ],
    [
      "a site manager at another home",
      { roles: ["SITE_MANAGER"], siteIds: [HOME] },
      { siteId: OTHER_HOME },
      "FORBIDDEN",
    ],
    ["a site manager without a home", { roles: ["SITE_MANAGER"], siteIds: [HOME] }, {}, "FORBIDDEN"],
    ["a finance officer", { roles: ["FINANCE_OFFICER"], regionScope: "510000" }, {}, "FORBIDDEN"],
    ["a partner", { kind: "partner" as const, roles: ["PARTNER"], scopes: ["read:sites"] }, {}, "FORBIDDEN"],
  ])("%s", async (_who, who, overrides, code) => {
    const name = `权限${Math.random().toString(36).slice(2, 8)}`;
    const { data, errors } = await people.execute(
      CREATE,
      { input: child({ name, ...overrides }) },
      await identityHeaders(who as never),
    );
    if (code === null) {
      expect(errors).toBeUndefined();
      expect(data?.createStudent.name).toBe(name);
    } else {
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe(code);
      expect(await people.database.client.student.count({ where: { name } })).toBe(0);
    }
  });

  it("the anonymous public must sign in", async () => {
    const { errors } = await people.execute(CREATE, { input: child() });
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("records the registration in the audit log", async () => {
    const officer = await identityHeaders({
      subject: "officer-9",
      roles: ["COUNTY_OFFICER"],
      regionScope: "510722",
    });
    const { data } = await people.execute(CREATE, { input: child({ name: "审计明" }) }, officer);
    const mutation = await people.database.client.auditEntry.findFirst({
      where: { actorId: "officer-9", action: "MUTATION" },
    });
    expect(mutation).toMatchObject({
      operation: "createStudent",
      entity: "Student",
      entityId: data?.createStudent.id,
      outcome: "OK",
    });
    expect(mutation?.fields).toContain("guardianName");
  });
});

describe("duplicate registrations", () => {
  it("refuses a second child with the same name, birth date and county with CONFLICT listing the first", async () => {
    const input = child({ name: "周明轩", birthDate: "2015-02-03", regionCode: "510781" });
    const first = await people.execute(CREATE, { input }, admin);
    expect(first.errors).toBeUndefined();

    const second = await people.execute(CREATE, { input }, admin);
    expect(second.data).toBeNull();
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      duplicates: [first.data?.createStudent.id],
    });
    expect(await people.database.client.student.count({ where: { name: "周明轩" } })).toBe(1);

    // Same name and birthday in another county is another child.
    const elsewhere = await people.execute(CREATE, { input: { ...input, regionCode: "510722" } }, admin);
    expect(elsewhere.errors).toBeUndefined();

    const confirmed = await people.execute(CREATE, { input, confirm: true }, admin);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.createStudent.id).not.toBe(first.data?.createStudent.id);
    expect(await people.database.client.student.count({ where: { name: "周明轩" } })).toBe(3);

    const third = await people.execute(CREATE, { input }, admin);
    expect(third.errors?.[0]?.extensions?.duplicates).toEqual([
      first.data?.createStudent.id,
      confirmed.data?.createStudent.id,
    ]);
  });

  it("treats names that differ only in surrounding spaces as the same", async () => {
    const input = child({ name: "吴思远", birthDate: "2016-07-07" });
    expect((await people.execute(CREATE, { input }, admin)).errors).toBeUndefined();
    const again = await people.execute(CREATE, { input: { ...input, name: " 吴思远  " } }, admin);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });
});

describe("one transaction", () => {
  it("writes no child when one of the needs cannot be stored", async () => {
    const before = await people.database.client.student.count();
    const needsBefore = await people.database.client.need.count();
    const { data, errors } = await people.execute(
      CREATE,
      {
        input: child({
          name: "事务测",
          needs: [
            { category: "SAFETY", level: "LOW", assessedOn: "2026-01-05" },
            // The same category twice on one day: the database refuses the second need after the
            // child's row was inserted, so the whole registration must roll back.
            { category: "SAFETY", level: "HIGH", assessedOn: "2026-01-05" },
          ],
        }),
      },
      admin,
    );
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.needs" });
    expect(await people.database.client.student.count()).toBe(before);
    expect(await people.database.client.student.count({ where: { name: "事务测" } })).toBe(0);
    expect(await people.database.client.need.count()).toBe(needsBefore);
  });
});

describe("students", () => {
  const LIST = `query($filter: StudentFilter, $first: Int, $after: String) {
    students(filter: $filter, first: $first, after: $after) {
      totalCount edges { node { id name region { code } } } pageInfo { hasNextPage endCursor }
    }
  }`;

  beforeAll(async () => {
    // Seven children: four in Santai (510722, Mianyang), two in Jinjiang (510104, Chengdu), one at HOME in Jintang.
    await people.database.client.student.createMany({
      data: [
        ...["510722", "510722", "510722", "510722", "510104", "510104", "510121"].map(
          (regionCode, index) => ({
            name: `列表${index}`,
            gender: "MALE" as const,
            birthDate: new Date("2015-01-01"),
            regionCode,
            cityCode: `${regionCode.slice(0, 4)}00`,
            siteId: regionCode === "510121" ? OTHER_HOME : null,
            grade: 5,
            guardianName: "监护人",
            guardianRelationship: "GRANDPARENT" as const,
          }),
        ),
      ],
    });
  });

  const names = (data: any) => data?.students.edges.map((edge: { node: { name: string } }) => edge.node.name);

  it("lists only the children in the caller's region or homes", async () => {
    const search = { filter: { region: "510000" }, first: 100 };
    const chengdu = await people.execute(
      LIST,
      search,
      await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" }),
    );
    expect(names(chengdu.data).filter((name: string) => name.startsWith("列表"))).toEqual([
      "列表4",
      "列表5",
      "列表6",
    ]);
    expect(chengdu.data?.students.edges.every((edge: any) => edge.node.region.code.startsWith("5101"))).toBe(
      true,
    );

    const manager = await people.execute(
      LIST,
      search,
      await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [OTHER_HOME] }),
    );
    expect(names(manager.data)).toEqual(["列表6"]);
    expect(manager.data?.students.totalCount).toBe(1);
  });

  it("filters by region and home within what the caller may see", async () => {
    const { data } = await people.execute(LIST, { filter: { region: "510104" } }, admin);
    expect(names(data)).toEqual(["列表4", "列表5"]);
    const atHome = await people.execute(LIST, { filter: { siteId: OTHER_HOME } }, admin);
    expect(names(atHome.data)).toEqual(["列表6"]);
    const mianyang = await people.execute(
      LIST,
      { filter: { region: "510104" } },
      await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510700" }),
    );
    expect(mianyang.data?.students.totalCount).toBe(0);
  });

  it("pages with stable cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await people.execute(LIST, { filter: { region: "510722" }, first: 3, after }, admin);
      seen.push(...names(page.data));
      if (!page.data.students.pageInfo.hasNextPage) break;
      after = page.data.students.pageInfo.endCursor;
    }
    const all = await people.execute(LIST, { filter: { region: "510722" }, first: 100 }, admin);
    expect(seen).toEqual(names(all.data));
    expect(seen.length).toBe(all.data?.students.totalCount);
  });

  it("is for those who may see individual children", async () => {
    expect((await people.execute(LIST, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const partner = await identityHeaders({ kind: "partner", roles: ["PARTNER"], scopes: ["read:sites"] });
    expect((await people.execute(LIST, {}, partner)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a region that is not one, and a page beyond the maximum", async () => {
    const bad = await people.execute(LIST, { filter: { region: "519999" } }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.region" });
    const big = await people.execute(LIST, { first: 1000 }, admin);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("Student entity", () => {
  it("resolves 100 references with one SQL query, and their needs with one more", async () => {
    const ids = Array.from(
      { length: 100 },
      (_, index) => `e0000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    );
    await people.database.client.student.createMany({
      data: ids.map((id, index) => ({
        id,
        name: `批量${index}`,
        gender: "FEMALE" as const,
        birthDate: new Date("2014-09-09"),
        regionCode: "510703",
        cityCode: "510700",
        grade: 6,
        guardianName: "监护人",
        guardianRelationship: "PARENT" as const,
      })),
    });
    await people.database.client.need.createMany({
      data: ids.map((studentId) => ({
        studentId,
        category: "LEARNING" as const,
        level: "LOW" as const,
        assessedOn: new Date("2026-02-02"),
      })),
    });

    const before = people.statements();
    const { data, errors } = await entities(
      people.url,
      [...ids.map((id) => ({ __typename: "Student", id })), { __typename: "Student", id: "not-a-uuid" }],
      "... on Student { id grade }",
    );
    expectNotFoundAt({ data, errors }, [100]);
    expect(people.statements() - before).toBe(1);
    expect(data?._entities.slice(0, 100).map((student) => student?.id)).toEqual(ids);
    expect(data?._entities[100]).toBeNull();

    // Personal fields are audited (a write per request), so compare with and without the needs:
    // all the needs of the 100 children come in one more query.
    const references = ids.map((id) => ({ __typename: "Student", id }));
    const withoutNeeds = people.statements();
    expect(
      (await entities(people.url, references, "... on Student { id name }", admin)).errors,
    ).toBeUndefined();
    const withNeeds = people.statements();
    const needs = await entities(
      people.url,
      references,
      "... on Student { id name needs { category } }",
      admin,
    );
    expect(needs.errors).toBeUndefined();
    expect(needs.data?._entities.every((student) => student?.needs.length === 1)).toBe(true);
    expect(people.statements() - withNeeds).toBe(withNeeds - withoutNeeds + 1);
  });
});
