import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let graph: StartedGraph;

/** GraphQL requests the sites subgraph has served, from its /metrics. */
async function subgraphRequests(): Promise<number> {
  const metrics = await (await fetch(new URL("/metrics", graph.subgraphs.sites!.url))).text();
  return Number(/lamplight_graphql_requests_total\{[^}]*\} (\d+)/.exec(metrics)?.[1]);
}

beforeAll(async () => {
  graph = await startGraph([sitesService]);
});
afterAll(() => graph?.close());

describe("hostile operations are refused at the gateway, before any subgraph is called", () => {
  const refused = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = await subgraphRequests();
    const response = await graph.execute(query, variables);
    expect(await subgraphRequests()).toBe(before);
    expect(response.data ?? null).toBeNull();
    return response;
  };

  it("deep nesting", async () => {
    const deep = `{ region(code: "510703") { ${"parent { ".repeat(14)}code${" }".repeat(14)} } }`;
    const { status, errors } = await refused(deep);
    expect(status).toBe(400);
    expect(errors?.[0]).toMatchObject({ extensions: { code: "OPERATION_LIMIT", limit: "depth" } });
  });

  it("many aliases", async () => {
    const aliased = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: province { code }`).join(" ")} }`;
    const { errors } = await refused(aliased);
    expect(errors?.[0]).toMatchObject({ extensions: { code: "OPERATION_LIMIT", limit: "aliases" } });
  });

  it("1,000 aliases: refused by the parser's token limit before validation even starts", async () => {
    const aliased = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: province { code }`).join(" ")} }`;
    const { status, errors } = await refused(aliased);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(errors?.[0]?.message).toMatch(/tokens/);
  });

  it("a huge page, literal or in a variable", async () => {
    const literal = await refused(`{ sites(first: 100000) { totalCount } }`);
    expect(literal.errors?.[0]).toMatchObject({ extensions: { code: "OPERATION_LIMIT", limit: "listSize" } });
    const variable = await refused(`query($n: Int) { sites(first: $n) { totalCount } }`, { n: 5000 });
    expect(variable.errors?.[0]?.message).toBe("sites(first) asks for 5000 items; the limit is 100");
  });

  it("a costly fan-out of pages within pages", async () => {
    const fanOut = `{ province { children { sites(first: 100) { edges { node { region { sites(first: 100) { edges { node { name address } } } } } } } } } }`;
    const { errors } = await refused(fanOut);
    expect(errors?.[0]).toMatchObject({ extensions: { code: "OPERATION_LIMIT", limit: "cost" } });
  });

  it("while an ordinary query still runs", async () => {
    const { errors } = await graph.execute(
      `{ sites(first: 10) { totalCount edges { node { name region { name } } } } }`,
    );
    expect(errors).toBeUndefined();
  });
});

describe("introspection", () => {
  it("is open in development", async () => {
    const { data } = await graph.execute(`{ __schema { queryType { name } } }`);
    expect(data?.__schema.queryType.name).toBe("Query");
  });

  it("is for signed-in staff only in production", async () => {
    const production = await startGraph([sitesService], { production: true });
    try {
      const { status, errors } = await production.execute(`{ __schema { types { name } } }`);
      expect(status).toBe(403);
      expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    } finally {
      await production.close();
    }
    // Starts a second graph, whose database must be migrated first: give it a hook's time.
  }, 180_000);
});
