import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders, identityHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let production: StartedGraph;

/** GraphQL requests the sites subgraph has served, from its /metrics. */
async function subgraphRequests(): Promise<number> {
  const metrics = await (await fetch(new URL("/metrics", production.subgraphs.sites!.url))).text();
  return Number(/lamplight_graphql_requests_total\{[^}]*\} (\d+)/.exec(metrics)?.[1]);
}

beforeAll(async () => {
  production = await startGraph([sitesService], { production: true });
});
afterAll(() => production?.close());

describe("introspection in production is for signed-in staff only, in every form", () => {
  const forms: Record<string, string> = {
    "at the root": `{ __schema { types { name } } }`,
    "under an alias": `{ everything: __schema { types { name } } }`,
    "__type beside an ordinary field": `{ province { code } __type(name: "Site") { fields { name } } }`,
    "in an inline fragment": `{ ... on Query { __type(name: "Site") { fields { name } } } }`,
    "in an inline fragment without a type": `{ ... { __schema { queryType { name } } } }`,
    "in a named fragment": `{ ...Schema } fragment Schema on Query { __schema { types { name } } }`,
    "in a fragment spread by a fragment": `query { province { code } ...Outer } fragment Outer on Query { ...Inner } fragment Inner on Query { ... on Query { t: __type(name: "Region") { fields { name } } } }`,
    "in a mutation's operation document, through a query": `query Q { ...F } fragment F on Query { __type(name: "Mutation") { fields { name } } }`,
  };

  for (const [form, query] of Object.entries(forms)) {
    it(`refuses it ${form}, before any subgraph is called`, async () => {
      const before = await subgraphRequests();
      const { status, data, errors } = await production.execute(query);
      expect(status).toBe(403);
      expect(data ?? null).toBeNull();
      expect(errors?.[0]).toMatchObject({
        message: "Introspection is available to signed-in staff only",
        extensions: { code: "FORBIDDEN" },
      });
      expect(await subgraphRequests()).toBe(before);
    });
  }

  it("lets __typename through, and signed-in staff introspect in any form", async () => {
    const typename = await production.execute(`{ __typename province { __typename code } }`);
    expect(typename.errors).toBeUndefined();
    const staff = await bearerHeaders({ subject: "li-wei", roles: ["CITY_ADMIN"], region: "510700" });
    const { errors, data } = await production.execute(forms["in a named fragment"]!, {}, staff);
    expect(errors).toBeUndefined();
    expect(data?.__schema.types.length).toBeGreaterThan(10);
  });
});

describe("schema details in production error messages", () => {
  it("no field suggestions at the gateway", async () => {
    const { status, errors } = await production.execute(`{ province { nam } sites(firs: 1) { totalCount } }`);
    expect(status).toBe(400);
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(error.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(error.message).not.toMatch(/Did you mean/);
    }
    expect(errors?.[0]?.message).toBe('Cannot query field "nam" on type "Region".');
  });

  it("no suggestions for a misspelt enum value or input field in the variables", async () => {
    const { errors } = await production.execute(
      `query($filter: SiteFilter) { sites(first: 1, filter: $filter) { totalCount } }`,
      { filter: { status: "OPENN", regio: "510000" } },
    );
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) expect(error.message).not.toMatch(/Did you mean/);
  });

  it("no field suggestions at a subgraph called directly", async () => {
    const response = await fetch(production.subgraphs.sites!.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await identityHeaders({}, "sites")) },
      body: JSON.stringify({ query: `{ province { nam } }` }),
    });
    const { errors } = (await response.json()) as { errors?: { message: string }[] };
    expect(errors?.[0]?.message).toBe('Cannot query field "nam" on type "Region".');
  });
});
