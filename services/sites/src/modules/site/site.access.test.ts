import { IDENTITY_HEADER } from "@lamplight/platform";
import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";

const CREATE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id capacity region { code } } }`;
const input = (regionCode: string) => ({
  name: "松林村留守学生之家",
  regionCode,
  address: "四川省",
  hostModel: "VILLAGE_COMMITTEE",
  capacity: 30,
});

let sites: StartedSubgraph<PrismaClient>;
let mianyangHome: string;

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  const { data } = await sites.execute(
    CREATE,
    { input: input("510703") },
    await identityHeaders({ roles: ["PROVINCE_ADMIN"] }),
  );
  mianyangHome = data?.createSite.id;
});
afterAll(() => sites?.close());

describe("who may register a home", () => {
  it.each([
    ["a province admin anywhere", { roles: ["PROVINCE_ADMIN"] }, "510104", null],
    ["a city admin in their city", { roles: ["CITY_ADMIN"], regionScope: "510700" }, "510781", null],
    [
      "a county officer in their county",
      { roles: ["COUNTY_OFFICER"], regionScope: "510781" },
      "510781",
      null,
    ],
    ["a city admin of another city", { roles: ["CITY_ADMIN"], regionScope: "510100" }, "510781", "FORBIDDEN"],
    [
      "a county officer in a neighbouring county",
      { roles: ["COUNTY_OFFICER"], regionScope: "510703" },
      "510781",
      "FORBIDDEN",
    ],
    ["a site manager", { roles: ["SITE_MANAGER"], siteIds: ["x"] }, "510781", "FORBIDDEN"],
    ["a finance officer", { roles: ["FINANCE_OFFICER"], regionScope: "510000" }, "510781", "FORBIDDEN"],
    [
      "a partner",
      { kind: "partner" as const, roles: ["PARTNER"], scopes: ["read:sites"] },
      "510781",
      "FORBIDDEN",
    ],
  ])("%s", async (_who, who, regionCode, code) => {
    const { data, errors } = await sites.execute(
      CREATE,
      { input: input(regionCode) },
      await identityHeaders(who as never),
    );
    if (code === null) {
      expect(errors).toBeUndefined();
      expect(data?.createSite.id).toBeTruthy();
    } else {
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe(code);
    }
  });

  it("the anonymous public must sign in", async () => {
    const { errors } = await sites.execute(CREATE, { input: input("510781") });
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a forged identity header counts as the anonymous public", async () => {
    // A different first character of the signature: it carries six whole bits, so the signature
    // always changes (the last character of a base64url HMAC carries only four).
    const [header, payload, signature] = (await identityHeaders({ roles: ["PROVINCE_ADMIN"] }))[
      IDENTITY_HEADER
    ]!.split(".");
    const forged = `${header}.${payload}.${signature!.startsWith("A") ? "B" : "A"}${signature!.slice(1)}`;
    const before = await sites.database.client.site.count();
    const { errors } = await sites.execute(CREATE, { input: input("510781") }, { [IDENTITY_HEADER]: forged });
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await sites.database.client.site.count()).toBe(before);
  });
});

describe("who may change a home", () => {
  it("its site manager changes its details, but may not move it", async () => {
    const manager = await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [mianyangHome] });
    const changed = await sites.execute(UPDATE, { id: mianyangHome, input: { capacity: 45 } }, manager);
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateSite.capacity).toBe(45);
    const moved = await sites.execute(UPDATE, { id: mianyangHome, input: { regionCode: "510104" } }, manager);
    expect(moved.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("another home's manager may not", async () => {
    const other = await identityHeaders({
      roles: ["SITE_MANAGER"],
      siteIds: ["00000000-0000-4000-8000-000000000001"],
    });
    const { errors } = await sites.execute(UPDATE, { id: mianyangHome, input: { capacity: 1 } }, other);
    expect(errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });

  it("a city admin of another city may not, and nothing changes", async () => {
    const chengdu = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" });
    const { errors } = await sites.execute(UPDATE, { id: mianyangHome, input: { capacity: 2 } }, chengdu);
    expect(errors?.[0]?.message).toContain("outside your region");
    const site = await sites.database.client.site.findUnique({ where: { id: mianyangHome } });
    expect(site?.capacity).toBe(45);
  });

  it("the city admin may move it within the city, not out of it", async () => {
    const mianyang = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510700" });
    const within = await sites.execute(
      UPDATE,
      { id: mianyangHome, input: { regionCode: "510704" } },
      mianyang,
    );
    expect(within.data?.updateSite.region.code).toBe("510704");
    const out = await sites.execute(UPDATE, { id: mianyangHome, input: { regionCode: "510104" } }, mianyang);
    expect(out.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the audit log", () => {
  it("records every mutation with who, role, entity, fields, outcome and request id", async () => {
    const officer = await identityHeaders({
      subject: "officer-7",
      roles: ["COUNTY_OFFICER"],
      regionScope: "510781",
    });
    const response = await fetch(sites.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "audit-req-1", ...officer },
      body: JSON.stringify({ query: CREATE, variables: { input: input("510781") } }),
    });
    const { data } = (await response.json()) as { data: { createSite: { id: string } } };
    const entries = await sites.database.client.auditEntry.findMany({ where: { requestId: "audit-req-1" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorKind: "user",
      actorId: "officer-7",
      actorRoles: ["COUNTY_OFFICER"],
      action: "MUTATION",
      operation: "createSite",
      entity: "Site",
      entityId: data.createSite.id,
      // The input fields the client sent.
      fields: ["address", "capacity", "hostModel", "name", "regionCode"],
      outcome: "OK",
    });
  });

  it("records refused mutations as FAILED, and nothing for public reads", async () => {
    const before = await sites.database.client.auditEntry.count();
    await sites.execute(`{ sites(first: 5) { edges { node { name } } } }`);
    expect(await sites.database.client.auditEntry.count()).toBe(before);
    const chengdu = await identityHeaders({
      subject: "chengdu-admin",
      roles: ["CITY_ADMIN"],
      regionScope: "510100",
    });
    await sites.execute(UPDATE, { id: mianyangHome, input: { capacity: 3 } }, chengdu);
    const failed = await sites.database.client.auditEntry.findFirst({ where: { actorId: "chengdu-admin" } });
    expect(failed).toMatchObject({
      operation: "updateSite",
      entityId: mianyangHome,
      outcome: "FAILED",
      fields: ["capacity"],
    });
  });

  it("cannot be edited or deleted", async () => {
    await expect(sites.database.client.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(sites.database.client.auditEntry.updateMany({ data: { outcome: "OK" } })).rejects.toThrow(
      /append-only/,
    );
  });

  it("is listed for province admins only, newest first, filtered by actor", async () => {
    const query = `query($filter: AuditFilter) { sitesAuditLog(filter: $filter, first: 10) { totalCount edges { node { actorId operation outcome } } } }`;
    const city = await sites.execute(
      query,
      {},
      await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510700" }),
    );
    expect(city.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const { data, errors } = await sites.execute(query, { filter: { actorId: "officer-7" } }, admin);
    expect(errors).toBeUndefined();
    expect(data?.sitesAuditLog).toEqual({
      totalCount: 1,
      edges: [{ node: { actorId: "officer-7", operation: "createSite", outcome: "OK" } }],
    });
  });
});
