import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import {
  bearerHeaders,
  identityHeaders,
  type StartedGraph,
  type StartedSubgraph,
  startGraph,
  type TestableService,
} from "@lamplight/testing";
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

type SiteNode = {
  id: string;
  name: string;
  childrenCount: number | null;
  students: { totalCount: number; edges: { node: { name: string } }[] };
};
const byHome = (data: any): Map<string, SiteNode> =>
  new Map(data.sites.edges.map(({ node }: { node: SiteNode }) => [node.id, node]));

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService]);
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

  it("keeps names from an official of another city, who still sees exact counts", async () => {
    const chengdu = await bearerHeaders({
      subject: "chengdu-admin",
      roles: ["CITY_ADMIN"],
      region: "510100",
    });
    const { data, errors } = await graph.execute(SITES_WITH_CHILDREN, {}, chengdu);
    expect(errors).toBeUndefined();
    const homes = byHome(data);
    expect(homes.get(homeIds[1]!)).toMatchObject({ childrenCount: 2, students: { edges: [] } });
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
    expect(data?.region.childrenCount).toBe(8);
    // One child with a safety need: suppressed for the public.
    expect(data?.region.childrenByNeed).toContainEqual({ category: "SAFETY", count: null });
    const counties = Object.fromEntries(
      data?.region.children.map((county: { code: string; childrenCount: number | null }) => [
        county.code,
        county.childrenCount,
      ]),
    );
    expect(counties).toMatchObject({ "510703": 6, "510722": null, "510781": 0 });
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
