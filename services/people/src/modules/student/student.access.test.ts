import { entities, execute, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// One child in Fucheng District (510703), Mianyang (510700), attending home A.
const CHILD = "5a1b0c2d-0000-4000-8000-000000000001";
const HOME_A = "a0000000-0000-4000-8000-00000000000a";
const HOME_B = "b0000000-0000-4000-8000-00000000000b";

const PERSONAL_FIELDS = [
  "name",
  "gender",
  "birthDate",
  "school",
  "site",
  "guardianName",
  "guardianRelationship",
  "guardianPhone",
  "parentWorkCity",
  "parentEmployer",
  "parentPhone",
  "needs",
  "guardians",
  "migrantParents",
  "careRecords",
  "pairings",
] as const;
const SELECTION = `... on Student { id grade region { code } consent { statistics } name gender birthDate school site { id } guardianName guardianRelationship guardianPhone parentWorkCity parentEmployer parentPhone needs { category level assessedOn } guardians { name relationship } migrantParents { workCity } careRecords { totalCount } pairings { startedOn } }`;

const refused = {
  "the anonymous public": null,
  "a partner with read:sites": { kind: "partner" as const, roles: ["PARTNER"], scopes: ["read:sites"] },
  "a city admin of another city": { roles: ["CITY_ADMIN"], regionScope: "510100" },
  "a county officer of a neighbouring county": { roles: ["COUNTY_OFFICER"], regionScope: "510704" },
  "a site manager of another home": { roles: ["SITE_MANAGER"], siteIds: [HOME_B] },
  "a province-wide finance officer": { roles: ["FINANCE_OFFICER"], regionScope: "510000" },
  "a volunteer not paired with the child": {
    roles: ["VOLUNTEER"],
    volunteerId: "e0000000-0000-4000-8000-000000000099",
  },
};
const allowed = {
  "a province admin": { roles: ["PROVINCE_ADMIN"] },
  "the city admin of the child's city": { roles: ["CITY_ADMIN"], regionScope: "510700" },
  "the county officer of the child's county": { roles: ["COUNTY_OFFICER"], regionScope: "510703" },
  "the site manager of the child's home": { roles: ["SITE_MANAGER"], siteIds: [HOME_A] },
};

let people: StartedSubgraph<PrismaClient>;
let request = 0;

/** Headers for `who` (null: no identity at all) with a request id of its own, to find its audit entries. */
async function as(
  who: Record<string, unknown> | null,
): Promise<{ headers: Record<string, string>; requestId: string }> {
  request += 1;
  const requestId = `access-${request}`;
  const identity = who ? await identityHeaders({ subject: `subject-${request}`, ...(who as object) }) : {};
  return { headers: { ...identity, "x-request-id": requestId }, requestId };
}

const auditOf = (requestId: string) => people.database.client.auditEntry.findMany({ where: { requestId } });

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  await people.database.client.student.create({
    data: {
      id: CHILD,
      name: "王子涵",
      gender: "FEMALE",
      birthDate: new Date("2016-05-04"),
      regionCode: "510703",
      cityCode: "510700",
      siteId: HOME_A,
      school: "青林镇中心小学",
      grade: 4,
      guardianName: "王秀英",
      guardianRelationship: "GRANDPARENT",
      guardianPhone: "13800001111",
      parentWorkCity: "广东省东莞市",
      parentEmployer: "松林电子有限公司",
      parentPhone: "13900002222",
      consentStatistics: true,
      needs: { create: [{ category: "PSYCHOLOGICAL", level: "HIGH", assessedOn: new Date("2026-03-01") }] },
      guardians: {
        create: [{ name: "王秀英", relationship: "GRANDPARENT", phone: "13800001111", isPrimary: true }],
      },
      migrantParents: { create: [{ name: "王建军", role: "FATHER", workCity: "广东省东莞市" }] },
      careRecords: {
        create: [{ kind: "FAMILY_CALL", happenedOn: new Date("2026-10-01"), notes: "和爸爸视频" }],
      },
    },
  });
});
afterAll(() => people?.close());

describe("a child's personal fields", () => {
  it.each(Object.entries(refused))(
    "are null with REDACTED for %s, and nothing is audited",
    async (_who, who) => {
      const { headers, requestId } = await as(who);
      const { data, errors } = await entities(
        people.url,
        [{ __typename: "Student", id: CHILD }],
        SELECTION,
        headers,
      );
      const student = data?._entities[0] as Record<string, unknown>;
      // What is not personal still answers: the id, the grade, the county, the consent.
      expect(student).toMatchObject({
        id: CHILD,
        grade: 4,
        region: { code: "510703" },
        consent: { statistics: true },
      });
      for (const field of PERSONAL_FIELDS) expect(student[field]).toBeNull();
      expect(errors?.map((error) => error.path?.at(-1)).sort()).toEqual([...PERSONAL_FIELDS].sort());
      for (const error of errors ?? []) {
        expect(error.extensions?.code).toBe("REDACTED");
        expect(error.message).toMatch(/^Student\.\w+ is personal data that your role may not see$/);
      }
      expect(await auditOf(requestId)).toEqual([]);
    },
  );

  it("are null for a province admin's identity signed for another subgraph (sites)", async () => {
    const headers = await identityHeaders({ subject: "captured", roles: ["PROVINCE_ADMIN"] }, "sites");
    const { data, errors } = await entities(people.url, [{ __typename: "Student", id: CHILD }], SELECTION, {
      ...headers,
      "x-request-id": "captured-for-sites",
    });
    const student = data?._entities[0] as Record<string, unknown>;
    for (const field of PERSONAL_FIELDS) expect(student[field]).toBeNull();
    expect(errors?.every((error) => error.extensions?.code === "REDACTED")).toBe(true);
    expect(await auditOf("captured-for-sites")).toEqual([]);
    // The same admin signed for people reads them.
    const own = await entities(people.url, [{ __typename: "Student", id: CHILD }], SELECTION, {
      ...(await identityHeaders({ subject: "captured", roles: ["PROVINCE_ADMIN"] }, "people")),
    });
    expect(own.data?._entities[0]).toMatchObject({ name: "王子涵" });
  });

  it.each(Object.entries(allowed))("resolve for %s, and the read is audited", async (_who, who) => {
    const { headers, requestId } = await as(who);
    const { data, errors } = await entities(
      people.url,
      [{ __typename: "Student", id: CHILD }],
      SELECTION,
      headers,
    );
    expect(errors).toBeUndefined();
    expect(data?._entities[0]).toEqual({
      id: CHILD,
      grade: 4,
      region: { code: "510703" },
      consent: { statistics: true },
      name: "王子涵",
      gender: "FEMALE",
      birthDate: "2016-05-04",
      school: "青林镇中心小学",
      site: { id: HOME_A },
      guardianName: "王秀英",
      guardianRelationship: "GRANDPARENT",
      guardianPhone: "13800001111",
      parentWorkCity: "广东省东莞市",
      parentEmployer: "松林电子有限公司",
      parentPhone: "13900002222",
      needs: [{ category: "PSYCHOLOGICAL", level: "HIGH", assessedOn: "2026-03-01" }],
      guardians: [{ name: "王秀英", relationship: "GRANDPARENT" }],
      migrantParents: [{ workCity: "广东省东莞市" }],
      careRecords: { totalCount: 1 },
      pairings: [],
    });
    const entries = await auditOf(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "READ",
      operation: "_entities",
      entity: "Student",
      entityId: CHILD,
      actorKind: "user",
      actorRoles: (who as { roles: string[] }).roles,
      outcome: "OK",
    });
    expect([...entries[0]!.fields].sort()).toEqual([...PERSONAL_FIELDS].sort());
  });

  it("audits only the personal fields read, and nothing for a read of plain fields", async () => {
    const { headers, requestId } = await as(allowed["a province admin"]);
    await people.execute(
      `query($id: ID!) { student(id: $id) { id grade guardianPhone } }`,
      { id: CHILD },
      headers,
    );
    const entries = await auditOf(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operation: "student", entityId: CHILD, fields: ["guardianPhone"] });

    const plain = await as(allowed["a province admin"]);
    await people.execute(
      `query($id: ID!) { student(id: $id) { id grade region { code } } }`,
      { id: CHILD },
      plain.headers,
    );
    expect(await auditOf(plain.requestId)).toEqual([]);
  });
});

describe("student(id)", () => {
  const QUERY = `query($id: ID!) { student(id: $id) { id name } }`;

  it.each(Object.entries(allowed))("answers %s", async (_who, who) => {
    const { data, errors } = await people.execute(QUERY, { id: CHILD }, (await as(who)).headers);
    expect(errors).toBeUndefined();
    expect(data?.student).toEqual({ id: CHILD, name: "王子涵" });
  });

  it.each([
    ["the anonymous public", null, "UNAUTHENTICATED"],
    ["a partner with read:sites", refused["a partner with read:sites"], "FORBIDDEN"],
    ["a finance officer", refused["a province-wide finance officer"], "FORBIDDEN"],
    ["a city admin of another city", refused["a city admin of another city"], "FORBIDDEN"],
    ["a site manager of another home", refused["a site manager of another home"], "FORBIDDEN"],
  ])("refuses %s with %s", async (_who, who, code) => {
    const { headers, requestId } = await as(who as Record<string, unknown> | null);
    const { data, errors } = await people.execute(QUERY, { id: CHILD }, headers);
    expect(data?.student ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(await auditOf(requestId)).toEqual([]);
  });

  it("answers null for an id that names no child, or is not an id", async () => {
    const { data, errors } = await people.execute(
      `{ a: student(id: "00000000-0000-4000-8000-000000000000") { id } b: student(id: "nope") { id } }`,
      {},
      (await as(allowed["a province admin"])).headers,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });
});

describe("the audit log", () => {
  it("cannot be edited or deleted", async () => {
    await expect(people.database.client.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(people.database.client.auditEntry.updateMany({ data: { outcome: "OK" } })).rejects.toThrow(
      /append-only/,
    );
  });

  it("is listed as peopleAuditLog for province admins only", async () => {
    const query = `query($filter: AuditFilter) { peopleAuditLog(filter: $filter, first: 5) { totalCount edges { node { entity entityId action } } } }`;
    const city = await people.execute(
      query,
      {},
      (await as(allowed["the city admin of the child's city"])).headers,
    );
    expect(city.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const { data, errors } = await execute(
      people.url,
      query,
      { filter: { entity: "Student", entityId: CHILD } },
      (await as(allowed["a province admin"])).headers,
    );
    expect(errors).toBeUndefined();
    expect(data?.peopleAuditLog.totalCount).toBeGreaterThanOrEqual(Object.keys(allowed).length);
    expect(data?.peopleAuditLog.edges[0].node).toEqual({
      entity: "Student",
      entityId: CHILD,
      action: "READ",
    });
  });
});
