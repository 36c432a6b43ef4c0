import { accessService } from "@lamplight/access/testing";
import { campaignsService } from "@lamplight/campaigns/testing";
import { fundingService } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders, identityHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let graph: StartedGraph;

beforeAll(async () => {
  // Every subgraph: readiness asks each one in the supergraph.
  graph = await startGraph([sitesService, peopleService, accessService, fundingService, campaignsService]);
  const sites = graph.subgraphs.sites!;
  const { errors } = await sites.execute(
    `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
    {
      input: {
        name: "游仙区石马镇留守学生之家",
        regionCode: "510704",
        address: "四川省绵阳市游仙区石马镇",
        hostModel: "TOWN_WORK_UNIT",
        capacity: 50,
      },
    },
    await identityHeaders({ roles: ["PROVINCE_ADMIN"] }),
  );
  expect(errors).toBeUndefined();
});
afterAll(() => graph?.close());

describe("the gateway", () => {
  it("answers the README's example query from the sites subgraph", async () => {
    const { data, errors } = await graph.execute(
      `{ sites(first: 3, filter: { region: "510700" }) { totalCount edges { node { name hostModel region { name parent { name } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.sites).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            name: "游仙区石马镇留守学生之家",
            hostModel: "TOWN_WORK_UNIT",
            region: { name: "游仙区", parent: { name: "绵阳市" } },
          },
        },
      ],
    });
  });

  it("asks a subgraph once for many identical public queries at once, and each per signed-in reader", async () => {
    const sites = graph.subgraphs.sites!;
    const requestsSoFar = async () => {
      const metrics = await fetch(new URL("/metrics", sites.url)).then((response) => response.text());
      return Number(/^lamplight_graphql_requests_total\{[^}]*\} (\d+)/m.exec(metrics)?.[1]);
    };
    const query = `query Homes($region: ID!) { sites(first: 5, filter: { region: $region }) { totalCount } }`;
    const before = await requestsSoFar();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => graph.execute(query, { region: "510700" })),
    );
    expect(answers.every((answer) => answer.data?.sites.totalCount === 1 && !answer.errors)).toBe(true);
    const shared = (await requestsSoFar()) - before;
    expect(shared).toBeGreaterThanOrEqual(1);
    expect(shared).toBeLessThan(20);

    const staff = await bearerHeaders({ subject: "reader", roles: ["PROVINCE_ADMIN"] });
    const beforeStaff = await requestsSoFar();
    await Promise.all(Array.from({ length: 5 }, () => graph.execute(query, { region: "510700" }, staff)));
    expect((await requestsSoFar()) - beforeStaff).toBe(5);
  });

  it("sends a subgraph the fetches the plan starts together as one request, and splits the answer", async () => {
    const people = graph.subgraphs.people!;
    const requestsSoFar = async () => {
      const metrics = await fetch(new URL("/metrics", people.url)).then((response) => response.text());
      return Number(/^lamplight_graphql_requests_total\{[^}]*\} (\d+)/m.exec(metrics)?.[1]);
    };
    // The city's counts and its homes' counts come from people at two paths of the answer: the
    // plan fetches them at once, and they travel together.
    const query = `query CityAndHomes($city: ID!) {
      region(code: $city) { name childrenCount volunteerCount }
      sites(first: 5, filter: { region: $city }) { edges { node { name childrenCount students(first: 1) { totalCount } } } }
    }`;
    const admin = await bearerHeaders({ subject: "city-reader", roles: ["CITY_ADMIN"], region: "510700" });
    const before = await requestsSoFar();
    const { data, errors } = await graph.execute(query, { city: "510700" }, admin);
    expect(errors).toBeUndefined();
    expect(await requestsSoFar()).toBe(before + 1);
    expect(data?.region).toEqual({ name: "绵阳市", childrenCount: 0, volunteerCount: 0 });
    expect(data?.sites.edges).toEqual([
      { node: { name: "游仙区石马镇留守学生之家", childrenCount: 0, students: { totalCount: 0 } } },
    ]);

    // An error in one of the merged fetches keeps its own path and code (a home's children are a
    // non-null field of a non-null list, so GraphQL's null propagation then empties the answer).
    const refused = await graph.execute(
      query.replace("students(first: 1)", `students(first: 1, after: "not-a-cursor")`),
      { city: "510700" },
      admin,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.path).toEqual(["sites", "edges", 0, "node", "students"]);
  });

  it("passes a subgraph's client error through with its code and field", async () => {
    const { data, errors } = await graph.execute(
      `mutation { createSite(input: { name: "x", regionCode: "000000", address: "x", hostModel: SCHOOL, capacity: 5 }) { id } }`,
      {},
      await bearerHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] }),
    );
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'input.regionCode "000000" is not a county-level region of the province',
      extensions: { code: "BAD_USER_INPUT", field: "input.regionCode" },
    });
    expect(JSON.stringify(errors)).not.toContain("stacktrace");
  });

  it("keeps a subgraph's refusal of a malformed scalar as BAD_USER_INPUT", async () => {
    const { errors } = await graph.execute(
      `mutation($d: Date) { createSite(input: { name: "x", regionCode: "510703", address: "x", hostModel: SCHOOL, capacity: 5, openedOn: $d }) { id } }`,
      { d: "2024-02-30" },
      await bearerHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] }),
    );
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toContain("2024-02-30");
  });

  it("rejects an invalid operation before any subgraph is called", async () => {
    const before = graph.subgraphs.sites!.statements();
    const { status, errors } = await graph.execute(`{ sites { edges { node { nonsense } } } }`);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(graph.subgraphs.sites!.statements()).toBe(before);
  });

  it("carries the request id from the client through to the answer", async () => {
    const response = await fetch(graph.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-me-42" },
      body: JSON.stringify({ query: "{ province { code } }" }),
    });
    expect(response.headers.get("x-request-id")).toBe("trace-me-42");
    expect(await response.json()).toEqual({ data: { province: { code: "510000" } } });
  });

  it("reports health and readiness", async () => {
    const base = new URL(graph.url);
    expect((await fetch(new URL("/healthz", base))).status).toBe(200);
    const ready = await fetch(new URL("/readyz", base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      subgraphs: { access: "ready", campaigns: "ready", funding: "ready", people: "ready", sites: "ready" },
      redis: "unused",
    });
  });

  it("refuses a body over the size limit with 413", async () => {
    const response = await fetch(graph.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ province { code } }`, variables: { padding: "x".repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it("refuses a cross-site simple request (CSRF prevention)", async () => {
    const response = await fetch(`${graph.url}?query=${encodeURIComponent("{ province { code } }")}`, {
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(400);
  });

  it("answers CORS preflight requests", async () => {
    const response = await fetch(graph.url, {
      method: "OPTIONS",
      headers: { origin: "https://app.example.org", "access-control-request-method": "POST" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("gateway with a subgraph down", () => {
  let partial: StartedGraph;

  beforeAll(async () => {
    partial = await startGraph([sitesService, campaignsService]);
    await partial.subgraphs.campaigns!.close();
  });
  afterAll(async () => {
    await partial?.close();
  });

  it("stays ready (200) and names the subgraph that is down", async () => {
    const ready = await fetch(new URL("/readyz", partial.url));
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; subgraphs: Record<string, string> };
    expect(body.status).toBe("ready");
    expect(body.subgraphs.campaigns).toBe("unavailable");
  });

  it("answers a query touching only the subgraphs that are up", async () => {
    const { data, errors } = await partial.execute(`{ province { code } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ province: { code: "510000" } });
  });
});
