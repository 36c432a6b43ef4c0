import {
  entities,
  expectNotFoundAt,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) {
    createSite(input: $input) { id name hostModel capacity status demonstration openedOn region { code name parent { code } } location { latitude longitude } }
  }
`;

const home = (overrides: Record<string, unknown> = {}) => ({
  name: "青林村留守学生之家",
  regionCode: "510703",
  address: "四川省绵阳市涪城区青林镇青林村",
  hostModel: "VILLAGE_COMMITTEE",
  capacity: 40,
  ...overrides,
});

let sites: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
});
afterAll(() => sites?.close());

describe("createSite", () => {
  it("registers a home in a county and resolves its region from the code", async () => {
    const { data, errors } = await sites.execute(
      CREATE,
      {
        input: home({
          location: { latitude: 31.467, longitude: 104.679 },
          openedOn: "2024-09-01",
          status: "OPEN",
        }),
      },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data?.createSite).toMatchObject({
      name: "青林村留守学生之家",
      hostModel: "VILLAGE_COMMITTEE",
      capacity: 40,
      status: "OPEN",
      demonstration: false,
      openedOn: "2024-09-01",
      region: { code: "510703", name: "涪城区", parent: { code: "510700" } },
      location: { latitude: 31.467, longitude: 104.679 },
    });
  });

  it("rejects an unknown region code with BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const before = await sites.database.client.site.count();
    const { data, errors } = await sites.execute(CREATE, { input: home({ regionCode: "519999" }) }, admin);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.regionCode" });
    expect(errors?.[0]?.message).toContain("input.regionCode");
    expect(await sites.database.client.site.count()).toBe(before);
  });

  it("rejects a city code: a home belongs to a county", async () => {
    const { errors } = await sites.execute(CREATE, { input: home({ regionCode: "510700" }) }, admin);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.regionCode" });
  });

  it("names every invalid field at once", async () => {
    const { errors } = await sites.execute(
      CREATE,
      {
        input: home({ name: "", capacity: 0, location: { latitude: 123, longitude: 104 } }),
      },
      admin,
    );
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const problems = (errors?.[0]?.extensions?.fields ?? []) as { field: string }[];
    const fields = [...new Set(problems.map((problem) => problem.field))].sort();
    expect(fields).toEqual(["capacity", "location.latitude", "name"]);
    expect(errors?.[0]?.message).toMatch(/capacity must be a whole number from 1 to 2000/);
  });

  it("rejects a malformed date with a client error, not a stack trace", async () => {
    const { errors } = await sites.execute(CREATE, { input: home({ openedOn: "2024-02-30" }) }, admin);
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(errors)).not.toMatch(/at .*\.js/);
  });
});

describe("updateSite", () => {
  it("changes only the fields given", async () => {
    const { data: created } = await sites.execute(
      CREATE,
      { input: home({ name: "石桥村留守学生之家" }) },
      admin,
    );
    const id = created?.createSite.id as string;
    const { data, errors } = await sites.execute(
      `mutation($id: ID!) { updateSite(id: $id, input: { capacity: 60, demonstration: true }) { name capacity demonstration } }`,
      { id },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data?.updateSite).toEqual({ name: "石桥村留守学生之家", capacity: 60, demonstration: true });
  });

  it("answers NOT_FOUND for an id that names no home", async () => {
    const { errors } = await sites.execute(
      `mutation { updateSite(id: "00000000-0000-4000-8000-000000000000", input: { capacity: 5 }) { id } }`,
      {},
      admin,
    );
    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("sites", () => {
  beforeAll(async () => {
    for (const [index, regionCode] of ["510781", "510781", "510781", "510121", "510727"].entries()) {
      const { errors } = await sites.execute(
        CREATE,
        {
          input: home({
            name: `页${index}村留守学生之家`,
            regionCode,
            hostModel: index % 2 ? "SCHOOL" : "FAMILY",
          }),
        },
        admin,
      );
      expect(errors).toBeUndefined();
    }
  });

  it("filters by a county, a city or the province", async () => {
    const count = async (region: string) =>
      (await sites.execute(`query($r: ID!) { sites(filter: { region: $r }) { totalCount } }`, { r: region }))
        .data?.sites.totalCount;
    expect(await count("510781")).toBe(3);
    expect(await count("510700")).toBeGreaterThanOrEqual(6);
    expect(await count("510100")).toBe(1);
    expect(await count("510000")).toBe(await sites.database.client.site.count());
  });

  it("filters by host model, status, demonstration and search", async () => {
    const { data } = await sites.execute(
      `{ sites(filter: { region: "510781", hostModel: FAMILY, status: PROPOSED, demonstration: false, search: "页" }) { totalCount edges { node { name } } } }`,
    );
    expect(data?.sites.totalCount).toBe(2);
    expect(data?.sites.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      "页0村留守学生之家",
      "页2村留守学生之家",
    ]);
  });

  it("pages with stable cursors, each page picking up where the last ended", async () => {
    const all = await sites.execute(`{ sites(first: 100) { edges { node { id } } } }`);
    const ids = all.data?.sites.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await sites.execute(
        `query($after: String) { sites(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.data.sites.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.data.sites.pageInfo.hasNextPage) break;
      after = page.data.sites.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it("refuses a page larger than the maximum with a clear error", async () => {
    const { data, errors } = await sites.execute(`{ sites(first: 100000) { totalCount } }`);
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: "first must be between 0 and 100; got 100000",
      extensions: { code: "BAD_USER_INPUT", field: "first" },
    });
  });

  it("refuses a cursor it did not issue", async () => {
    const { errors } = await sites.execute(`{ sites(after: "not-a-cursor") { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("answers a region filter that is not a region with BAD_USER_INPUT", async () => {
    const { errors } = await sites.execute(`{ sites(filter: { region: "519999" }) { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.region" });
  });
});

describe("Site entity", () => {
  it("resolves 100 references through _entities with one SQL query", async () => {
    const rows = Array.from({ length: 100 }, (_, index) => ({
      name: `批量${String(index).padStart(3, "0")}留守学生之家`,
      regionCode: "510704",
      cityCode: "510700",
      address: "四川省绵阳市游仙区",
      hostModel: "SCHOOL" as const,
      capacity: 30,
    }));
    await sites.database.client.site.createMany({ data: rows });
    const created = await sites.database.client.site.findMany({
      where: { regionCode: "510704" },
      select: { id: true },
    });
    expect(created).toHaveLength(100);

    const before = sites.statements();
    const { data, errors } = await entities(
      sites.url,
      [...created.map(({ id }) => ({ __typename: "Site", id })), { __typename: "Site", id: "not-a-uuid" }],
      "... on Site { id name region { code } }",
    );
    expectNotFoundAt({ data, errors }, [100]);
    expect(sites.statements() - before).toBe(1);
    expect(data?._entities.slice(0, 100).map((site) => site?.id)).toEqual(created.map(({ id }) => id));
    expect(data?._entities[100]).toBeNull();
  });

  it("answers site(id) with null for an unknown or malformed id", async () => {
    const { data, errors } = await sites.execute(
      `{ a: site(id: "00000000-0000-4000-8000-000000000000") { id } b: site(id: "nope") { id } }`,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });
});
