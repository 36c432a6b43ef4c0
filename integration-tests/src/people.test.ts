import { readFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { discoverSubgraphs, findWorkspaceRoot } from "@lamplight/supergraph";
import {
  bearerHeaders,
  identityHeaders,
  type StartedSubgraph,
  type TestableService,
} from "@lamplight/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Five homes in Mianyang (510700): the first with six children, the second with two (a count small
// enough to point at a child), the rest empty. Children live in their home's county.
const HOMES = [
  ["松林村留守学生之家", "510703"],
  ["青石村留守学生之家", "510722"],
  ["白鹤村留守学生之家", "510722"],
  ["金桥村留守学生之家", "510781"],
  ["龙溪村留守学生之家", "510781"],
] as const;
const CHILDREN = [6, 2, 0, 0, 0];

const SITES_WITH_CHILDREN = /* GraphQL */ `
  {
    sites(first: 5, filter: { region: "510700" }) {
      edges { node { id name childrenCount students(first: 3) { totalCount edges { node { name } } } } }
    }
  }
`;

type ClientOf<Service> = Service extends TestableService<infer Client> ? Client : never;
type PeopleClient = ClientOf<typeof peopleService>;

let graph: StartedGraph;
let people: StartedSubgraph<PeopleClient>;
let homeIds: string[];
let childId: string;
let pairingId: string;
const VOLUNTEER_ID = "e0000000-0000-4000-8000-0000000000e1";

type SiteNode = {
  id: string;
  name: string;
  childrenCount: number | null;
  students: { totalCount: number; edges: { node: { name: string } }[] };
};
const byHome = (data: any): Map<string, SiteNode> =>
  new Map(data.sites.edges.map(({ node }: { node: SiteNode }) => [node.id, node]));

/**
 * The graph of sites and people as composed from their schema files. Volunteer.serviceMinutes
 * @requires Volunteer.activityMinutes, which the campaigns subgraph provides; a stand-in declares
 * it here so that people's fields compose whether or not campaigns is in the checkout, and people
 * is tested on its own (no query here selects serviceMinutes).
 */
function sitesAndPeopleSupergraph(): string {
  const services = discoverSubgraphs(findWorkspaceRoot())
    .filter((subgraph) => subgraph.name === "sites" || subgraph.name === "people")
    .map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(readFileSync(subgraph.schemaPath, "utf8")),
    }));
  const campaigns = parse(/* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Volunteer @key(fields: "id") {
      id: ID!
      activityMinutes: Int!
    }
    type Query {
      campaignsStandIn: Boolean
    }
  `);
  const result = composeServices([
    ...services,
    { name: "campaigns", url: "http://127.0.0.1:9/graphql", typeDefs: campaigns },
  ]);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.supergraphSdl;
}

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService], {
    gateway: { supergraphSdl: sitesAndPeopleSupergraph() },
  });
  const sites = graph.subgraphs.sites!;
  people = graph.subgraphs.people as StartedSubgraph<PeopleClient>;
  const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  homeIds = [];
  for (const [name, regionCode] of HOMES) {
    const { data, errors } = await sites.execute(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      { input: { name, regionCode, address: "四川省绵阳市", hostModel: "VILLAGE_COMMITTEE", capacity: 40 } },
      admin,
    );
    expect(errors).toBeUndefined();
    homeIds.push(data?.createSite.id);
  }
  await people.database.client.student.createMany({
    data: HOMES.flatMap(([, regionCode], home) =>
      Array.from({ length: CHILDREN[home]! }, (_, index) => ({
        name: `${["张", "李"][home]}${"一二三四五六"[index]}`,
        gender: "FEMALE" as const,
        birthDate: new Date("2016-03-03"),
        regionCode,
        cityCode: "510700",
        siteId: homeIds[home],
        grade: 4,
        guardianName: "监护人",
        guardianRelationship: "GRANDPARENT" as const,
        consentStatistics: true,
      })),
    ),
  });
  const first = await people.database.client.student.findFirstOrThrow({ where: { name: "张一" } });
  childId = first.id;
  await people.database.client.need.create({
    data: { studentId: childId, category: "SAFETY", level: "HIGH", assessedOn: new Date("2026-04-04") },
  });
  await people.database.client.organisation.create({
    data: { name: "四川省妇女联合会", kind: "GOVERNMENT_UNIT", regionCode: "510000" },
  });
  // The first child's family, a volunteer paired with them, and a check-in.
  const db = people.database.client;
  await db.student.update({
    where: { id: childId },
    data: {
      school: "松林镇中心小学",
      guardianPhone: "13800001111",
      parentWorkCity: "广东省东莞市",
      parentEmployer: "东莞电子有限公司",
      parentPhone: "13900002222",
    },
  });
  await db.guardian.create({
    data: {
      studentId: childId,
      name: "监护人",
      relationship: "GRANDPARENT",
      phone: "13800001111",
      isPrimary: true,
    },
  });
  await db.migrantParent.create({
    data: {
      studentId: childId,
      name: "张大山",
      role: "FATHER",
      workCity: "广东省东莞市",
      phone: "13900002222",
    },
  });
  const day = (offset: number) => new Date(Date.UTC(2026, 10, 1) + offset * 86_400_000);
  await db.volunteer.create({
    data: {
      id: VOLUNTEER_ID,
      name: "何晓梅",
      phone: "13700003333",
      kind: "TEACHER",
      status: "ACTIVE",
      regionCode: "510703",
      cityCode: "510700",
      skills: ["TUTORING"],
      backgroundCheckedOn: day(-30),
      backgroundCheckExpiresOn: new Date(Date.UTC(2030, 0, 1)),
      trainings: { create: [{ topic: "CHILD_PROTECTION", title: "儿童保护", completedOn: day(-20) }] },
      serviceLogs: { create: [{ servedOn: day(-2), minutes: 90 }] },
    },
  });
  const pairing = await db.pairing.create({
    data: {
      volunteerId: VOLUNTEER_ID,
      studentId: childId,
      reason: "父母在外务工，需要陪伴",
      startedOn: day(-10),
      checkInEveryDays: 14,
      nextCheckInDue: day(4),
    },
  });
  pairingId = pairing.id;
  await db.careRecord.create({
    data: {
      studentId: childId,
      kind: "VISIT",
      happenedOn: day(-3),
      notes: "一起读书",
      volunteerId: VOLUNTEER_ID,
      pairingId,
    },
  });
});
afterAll(() => graph?.close());

describe("homes and their children, joined through the gateway", () => {
  it("shows the city admin of Mianyang the children's names, and audits the reads", async () => {
    const mianyang = await bearerHeaders({
      subject: "mianyang-admin",
      roles: ["CITY_ADMIN"],
      region: "510700",
    });
    const { data, errors } = await graph.execute(SITES_WITH_CHILDREN, {}, mianyang);
    expect(errors).toBeUndefined();
    const homes = byHome(data);
    expect(homes.size).toBe(5);
    const first = homes.get(homeIds[0]!)!;
    expect(first).toMatchObject({
      name: "松林村留守学生之家",
      childrenCount: 6,
      students: { totalCount: 6 },
    });
    expect(first.students.edges).toHaveLength(3);
    expect(first.students.edges.every((edge) => edge.node.name.startsWith("张"))).toBe(true);
    expect(homes.get(homeIds[1]!)?.childrenCount).toBe(2);
    expect(homes.get(homeIds[1]!)?.students.edges).toHaveLength(2);
    expect(homes.get(homeIds[2]!)).toMatchObject({
      childrenCount: 0,
      students: { totalCount: 0, edges: [] },
    });

    const reads = await people.database.client.auditEntry.findMany({ where: { actorId: "mianyang-admin" } });
    expect(reads).toHaveLength(5);
    expect(reads.every((entry) => entry.action === "READ" && entry.entity === "Student")).toBe(true);
  });

  it("shows the public de-identified counts only: small ones suppressed, no names, nothing audited", async () => {
    const auditBefore = await people.database.client.auditEntry.count();
    const { data, errors } = await graph.execute(SITES_WITH_CHILDREN);
    expect(errors).toBeUndefined();
    const homes = byHome(data);
    expect(homes.get(homeIds[0]!)).toMatchObject({
      childrenCount: 6,
      students: { totalCount: 0, edges: [] },
    });
    expect(homes.get(homeIds[1]!)).toMatchObject({
      childrenCount: null,
      students: { totalCount: 0, edges: [] },
    });
    expect(homes.get(homeIds[2]!)?.childrenCount).toBe(0);
    expect(JSON.stringify(data)).not.toMatch(/张|李/);
    expect(await people.database.client.auditEntry.count()).toBe(auditBefore);
  });

  it("keeps names and exact counts from an official of another city, who gets the published figure", async () => {
    const chengdu = await bearerHeaders({
      subject: "chengdu-admin",
      roles: ["CITY_ADMIN"],
      region: "510100",
    });
    const { data, errors } = await graph.execute(SITES_WITH_CHILDREN, {}, chengdu);
    expect(errors).toBeUndefined();
    const homes = byHome(data);
    // Two children: withheld, as for the public (decision 0035).
    expect(homes.get(homeIds[1]!)).toMatchObject({ childrenCount: null, students: { edges: [] } });
  });

  it("shows a site manager the children of their own home only", async () => {
    const manager = await bearerHeaders({
      subject: "manager",
      roles: ["SITE_MANAGER"],
      sites: [homeIds[1]!],
    });
    const { data } = await graph.execute(SITES_WITH_CHILDREN, {}, manager);
    const homes = byHome(data);
    expect(
      homes
        .get(homeIds[1]!)
        ?.students.edges.map((edge) => edge.node.name)
        .sort(),
    ).toEqual(["李一", "李二"]);
    expect(homes.get(homeIds[0]!)?.students.edges).toEqual([]);
  });
});

describe("a child, joined to their home and region", () => {
  const QUERY = `query($id: ID!) { student(id: $id) { name region { name parent { name } } site { name } needs { category } } }`;

  it("resolves the home's and the region's names from the sites subgraph", async () => {
    const mianyang = await bearerHeaders({
      subject: "mianyang-admin-2",
      roles: ["CITY_ADMIN"],
      region: "510700",
    });
    const { data, errors } = await graph.execute(QUERY, { id: childId }, mianyang);
    expect(errors).toBeUndefined();
    expect(data?.student).toEqual({
      name: "张一",
      region: { name: "涪城区", parent: { name: "绵阳市" } },
      site: { name: "松林村留守学生之家" },
      needs: [{ category: "SAFETY" }],
    });
  });

  it("refuses the public and officials of other cities, with the subgraph's code", async () => {
    const anonymous = await graph.execute(QUERY, { id: childId });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      serviceName: "people",
    });
    const chengdu = await bearerHeaders({
      subject: "chengdu-admin-2",
      roles: ["CITY_ADMIN"],
      region: "510100",
    });
    const other = await graph.execute(QUERY, { id: childId }, chengdu);
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(other.data?.student ?? null).toBeNull();
  });
});

describe("regions and organisations", () => {
  it("adds de-identified children counts to a region", async () => {
    const { data, errors } = await graph.execute(
      `{ region(code: "510700") { name childrenCount childrenByNeed { category count } children { code childrenCount } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.region.name).toBe("绵阳市");
    // One child with a safety need: suppressed for the public.
    expect(data?.region.childrenByNeed).toContainEqual({ category: "SAFETY", count: null });
    const counties = Object.fromEntries(
      data?.region.children.map((county: { code: string; childrenCount: number | null }) => [
        county.code,
        county.childrenCount,
      ]),
    );
    // 510722's 2 would be Mianyang's 8 minus Fucheng's 6: Fucheng is withheld with it, and so is
    // Mianyang, since Fucheng's officer knows their 6 (decision 0035). Empty counties show 0.
    expect(counties).toMatchObject({ "510703": null, "510722": null, "510781": 0 });
    expect(data?.region.childrenCount).toBeNull();
    const admin = await graph.execute(
      `{ region(code: "510700") { childrenCount } }`,
      {},
      await bearerHeaders({ subject: "mianyang-admin", roles: ["CITY_ADMIN"], region: "510700" }),
    );
    expect(admin.data?.region.childrenCount).toBe(8);
  });

  it("lists organisations with their region's name", async () => {
    const { data, errors } = await graph.execute(
      `{ organisations(first: 5) { edges { node { name kind region { name } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.organisations.edges).toEqual([
      { node: { name: "四川省妇女联合会", kind: "GOVERNMENT_UNIT", region: { name: "四川省" } } },
    ]);
  });
});

describe("every personal field, as each role reads it through the gateway", () => {
  // Personal fields of a child a paired volunteer reads, and the family contacts they never do.
  const CHILD_FIELDS = {
    name: "张一",
    gender: "FEMALE",
    birthDate: "2016-03-03",
    school: "松林镇中心小学",
    site: { name: "松林村留守学生之家" },
    guardianName: "监护人",
    guardianRelationship: "GRANDPARENT",
    needs: [{ category: "SAFETY" }],
    guardians: [{ name: "监护人", phone: "13800001111" }],
    careRecords: { totalCount: 1 },
    pairings: [{ reason: "父母在外务工，需要陪伴" }],
  };
  const CONTACT_FIELDS = {
    guardianPhone: "13800001111",
    parentWorkCity: "广东省东莞市",
    parentEmployer: "东莞电子有限公司",
    parentPhone: "13900002222",
    migrantParents: [{ workCity: "广东省东莞市", phone: "13900002222" }],
  };
  const STUDENT = /* GraphQL */ `
    query($id: ID!) {
      student(id: $id) {
        grade
        name gender birthDate school site { name } guardianName guardianRelationship needs { category }
        guardians { name phone } careRecords { totalCount } pairings { reason }
        guardianPhone parentWorkCity parentEmployer parentPhone migrantParents { workCity phone }
      }
    }
  `;
  let request = 0;
  const read = async (
    claims: Parameters<typeof bearerHeaders>[0] | null,
    query: string,
    variables: object,
  ) => {
    request += 1;
    const requestId = `people-matrix-${request}`;
    const headers = { ...(claims ? await bearerHeaders(claims) : {}), "x-request-id": requestId };
    const response = await graph.execute(query, variables as Record<string, unknown>, headers);
    const audit = await people.database.client.auditEntry.findMany({ where: { requestId, action: "READ" } });
    return { ...response, audit };
  };

  it.each([
    ["the province admin", { subject: "p-admin", roles: ["PROVINCE_ADMIN"] }],
    ["Mianyang's city admin", { subject: "m-admin", roles: ["CITY_ADMIN"], region: "510700" }],
    ["Fucheng's county officer", { subject: "f-officer", roles: ["COUNTY_OFFICER"], region: "510703" }],
  ] as const)("shows %s every field of a child in scope, and audits the read", async (_who, claims) => {
    const { data, errors, audit } = await read(claims as never, STUDENT, { id: childId });
    expect(errors).toBeUndefined();
    expect(data?.student).toEqual({ grade: 4, ...CHILD_FIELDS, ...CONTACT_FIELDS });
    const student = audit.find((entry) => entry.entity === "Student");
    expect(student).toMatchObject({ entityId: childId, actorId: claims.subject });
    expect([...(student?.fields ?? [])].sort()).toEqual(
      [...Object.keys(CHILD_FIELDS), ...Object.keys(CONTACT_FIELDS)].sort(),
    );
    // The guardian's phone and the pairing's reason are read from their own records: audited as those.
    expect(audit.find((entry) => entry.entity === "Guardian")?.fields).toEqual(["phone"]);
    expect(audit.find((entry) => entry.entity === "Pairing")?.fields).toEqual(["reason"]);
    expect(audit).toHaveLength(3);
  });

  it("shows the home's site manager every field too", async () => {
    const claims = { subject: "home-manager", roles: ["SITE_MANAGER" as const], sites: [homeIds[0]!] };
    const { data, errors, audit } = await read(claims, STUDENT, { id: childId });
    expect(errors).toBeUndefined();
    expect(data?.student).toMatchObject({ ...CHILD_FIELDS, ...CONTACT_FIELDS });
    expect(audit.map((entry) => entry.entity).sort()).toEqual(["Guardian", "Pairing", "Student"]);
  });

  it("shows the paired volunteer what support needs, the family's contacts null with REDACTED", async () => {
    const claims = { subject: "volunteer-he", roles: ["VOLUNTEER" as const], volunteer: VOLUNTEER_ID };
    const { data, errors, audit } = await read(claims, STUDENT, { id: childId });
    expect(data?.student).toEqual({
      grade: 4,
      ...CHILD_FIELDS,
      guardians: [{ name: "监护人", phone: null }],
      guardianPhone: null,
      parentWorkCity: null,
      parentEmployer: null,
      parentPhone: null,
      migrantParents: null,
    });
    expect(errors?.map((error) => [error.path?.join("."), error.extensions?.code]).sort()).toEqual([
      ["student.guardianPhone", "REDACTED"],
      ["student.guardians.0.phone", "REDACTED"],
      ["student.migrantParents", "REDACTED"],
      ["student.parentEmployer", "REDACTED"],
      ["student.parentPhone", "REDACTED"],
      ["student.parentWorkCity", "REDACTED"],
    ]);
    const student = audit.find((entry) => entry.entity === "Student");
    expect([...(student?.fields ?? [])].sort()).toEqual(Object.keys(CHILD_FIELDS).sort());
    expect(audit.map((entry) => entry.entity).sort()).toEqual(["Pairing", "Student"]);
  });

  it.each([
    ["the public", null, "UNAUTHENTICATED"],
    [
      "a volunteer not paired with the child",
      { subject: "v2", roles: ["VOLUNTEER"], volunteer: "e0000000-0000-4000-8000-0000000000e2" },
      "FORBIDDEN",
    ],
    ["Chengdu's city admin", { subject: "c-admin", roles: ["CITY_ADMIN"], region: "510100" }, "FORBIDDEN"],
    [
      "another home's site manager",
      { subject: "m2", roles: ["SITE_MANAGER"], sites: ["b0000000-0000-4000-8000-00000000000b"] },
      "FORBIDDEN",
    ],
    ["a finance officer", { subject: "fin", roles: ["FINANCE_OFFICER"], region: "510000" }, "FORBIDDEN"],
  ] as const)("gives %s nothing of the child, and audits no read", async (_who, claims, code) => {
    const { data, errors, audit } = await read(claims as never, STUDENT, { id: childId });
    expect(data?.student ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(audit).toEqual([]);
  });

  const VOLUNTEER = /* GraphQL */ `
    query($id: ID!) {
      volunteer(id: $id) {
        kind status name phone backgroundCheck { current } trainings { title }
        serviceLogs { totalCount } pairings { totalCount } pairingEligibility { eligible }
      }
    }
  `;
  const VOLUNTEER_FIELDS = {
    name: "何晓梅",
    phone: "13700003333",
    backgroundCheck: { current: true },
    trainings: [{ title: "儿童保护" }],
    serviceLogs: { totalCount: 1 },
    pairings: { totalCount: 1 },
    pairingEligibility: { eligible: true },
  };

  it.each([
    ["the volunteer themself", { subject: "volunteer-he", roles: ["VOLUNTEER"], volunteer: VOLUNTEER_ID }],
    ["Mianyang's city admin", { subject: "m-admin", roles: ["CITY_ADMIN"], region: "510700" }],
  ] as const)("shows %s a volunteer's personal fields, audited", async (_who, claims) => {
    const { data, errors, audit } = await read(claims as never, VOLUNTEER, { id: VOLUNTEER_ID });
    expect(errors).toBeUndefined();
    expect(data?.volunteer).toEqual({ kind: "TEACHER", status: "ACTIVE", ...VOLUNTEER_FIELDS });
    expect(audit).toEqual([
      expect.objectContaining({
        entity: "Volunteer",
        entityId: VOLUNTEER_ID,
        fields: Object.keys(VOLUNTEER_FIELDS),
      }),
    ]);
  });

  it("refuses a volunteer's record to other regions and other volunteers", async () => {
    for (const claims of [
      { subject: "c-admin", roles: ["CITY_ADMIN" as const], region: "510100" },
      { subject: "v2", roles: ["VOLUNTEER" as const], volunteer: "e0000000-0000-4000-8000-0000000000e2" },
    ]) {
      const { data, errors, audit } = await read(claims, VOLUNTEER, { id: VOLUNTEER_ID });
      expect(data?.volunteer ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(audit).toEqual([]);
    }
  });

  it("shows the home's manager the pairing and its check-ins, but the volunteer's personal fields REDACTED", async () => {
    const claims = { subject: "home-manager-2", roles: ["SITE_MANAGER" as const], sites: [homeIds[0]!] };
    const { data, errors, audit } = await read(
      claims,
      `query($id: ID!) { pairing(id: $id) { reason checkIns { totalCount } student { name } volunteer { kind name phone backgroundCheck { current } } } }`,
      { id: pairingId },
    );
    expect(data?.pairing).toEqual({
      reason: "父母在外务工，需要陪伴",
      checkIns: { totalCount: 1 },
      student: { name: "张一" },
      volunteer: { kind: "TEACHER", name: null, phone: null, backgroundCheck: null },
    });
    expect(errors?.map((error) => [error.path?.join("."), error.extensions?.code])).toEqual([
      ["pairing.volunteer.name", "REDACTED"],
      ["pairing.volunteer.phone", "REDACTED"],
      ["pairing.volunteer.backgroundCheck", "REDACTED"],
    ]);
    expect(audit.map((entry) => [entry.entity, [...entry.fields].sort()])).toEqual(
      expect.arrayContaining([
        ["Pairing", ["checkIns", "reason"]],
        ["Student", ["name"]],
      ]),
    );
  });

  it("shows every role the region's volunteer counts, small ones suppressed for the public", async () => {
    const QUERY = `{ region(code: "510703") { volunteerCount volunteersByKind { kind count } } }`;
    const anonymous = await graph.execute(QUERY);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?.region.volunteerCount).toBeNull();
    expect(anonymous.data?.region.volunteersByKind).toContainEqual({ kind: "TEACHER", count: null });
    const official = await graph.execute(
      QUERY,
      {},
      await bearerHeaders({ subject: "x", roles: ["CITY_ADMIN"], region: "510700" }),
    );
    expect(official.data?.region.volunteerCount).toBe(1);
  });
});
