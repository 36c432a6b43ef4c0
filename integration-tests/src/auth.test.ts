import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { signDevelopmentToken } from "@lamplight/platform";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CREATE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { id region { name } } }`;
const input = (regionCode: string) => ({
  name: "桂花村留守学生之家",
  regionCode,
  address: "四川省",
  hostModel: "FAMILY",
  capacity: 12,
});

let graph: StartedGraph;

beforeAll(async () => {
  graph = await startGraph([sitesService]);
});
afterAll(() => graph?.close());

describe("authentication at the gateway", () => {
  it("carries a verified token's role and region to the subgraph", async () => {
    const mianyang = await bearerHeaders({ subject: "li-wei", roles: ["CITY_ADMIN"], region: "510700" });
    const allowed = await graph.execute(CREATE, { input: input("510722") }, mianyang);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.createSite.region.name).toBe("三台县");
    const refused = await graph.execute(CREATE, { input: input("510104") }, mianyang);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lets the anonymous public read published data, but not write", async () => {
    expect((await graph.execute(`{ sites(first: 1) { totalCount } }`)).errors).toBeUndefined();
    const { errors } = await graph.execute(CREATE, { input: input("510722") });
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["a malformed token", async () => "Bearer not.a.token"],
    ["a header that is not a bearer token", async () => "Basic dXNlcjpwYXNz"],
    [
      "a token signed with another key",
      async () =>
        `Bearer ${await signDevelopmentToken({ subject: "x", roles: ["PROVINCE_ADMIN"] }, "some-other-key-some-other-key-123")}`,
    ],
    [
      "an expired token",
      async () =>
        `Bearer ${await signDevelopmentToken({ subject: "x", roles: ["PROVINCE_ADMIN"] }, undefined, "-1m")}`,
    ],
  ])("refuses %s with UNAUTHENTICATED and 401, never a stack trace", async (_what, header) => {
    const response = await graph.execute(
      `{ sites(first: 1) { totalCount } }`,
      {},
      { authorization: await header() },
    );
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|\bat \w+ \(/);
  });
});
