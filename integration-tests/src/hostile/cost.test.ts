import { readFileSync } from "node:fs";
import path from "node:path";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { Kind, parse, print } from "graphql";
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

const refusedForCost = async (query: string) => {
  const before = await subgraphRequests();
  const { status, data, errors } = await graph.execute(query);
  expect(await subgraphRequests()).toBe(before);
  expect(data ?? null).toBeNull();
  expect(status).toBe(400);
  expect(errors?.[0]).toMatchObject({ extensions: { code: "OPERATION_LIMIT", limit: "cost" } });
  return errors![0]!;
};

describe("the cost estimate sees every list", () => {
  it("counts a region's children with their declared size: unpaged lists within lists are refused", async () => {
    // Before each list counted with its size, this was estimated at about 400 and ran: every county
    // of the province, a hundred homes each.
    const fanOut = `{ province { children { children { sites(first: 100) { totalCount edges { node { id name address } } } } } } }`;
    const error = await refusedForCost(fanOut);
    expect(error.message).toMatch(/^The operation's estimated cost is \d+; the limit is 25000$/);
  });

  it("multiplies aliases inside a list: one page per city runs, six are refused", async () => {
    const page = (alias: string) => `${alias}: sites(first: 100) { edges { node { name address } } }`;
    const one = await graph.execute(`{ province { children { code ${page("a")} } } }`);
    expect(one.errors).toBeUndefined();
    expect(one.data?.province.children.length).toBeGreaterThan(1);
    await refusedForCost(
      `{ province { children { ${["a", "b", "c", "d", "e", "f"].map(page).join(" ")} } } }`,
    );
  });
});

describe("every list of the composed graph declares its size", () => {
  it("with @listSize in its subgraph, composed into the supergraph the gateway reads", () => {
    const supergraph = readFileSync(path.join(findWorkspaceRoot(), "supergraph.graphql"), "utf8");
    const document = parse(supergraph);
    const types = new Map(
      document.definitions.flatMap((definition) =>
        definition.kind === Kind.OBJECT_TYPE_DEFINITION ? [[definition.name.value, definition] as const] : [],
      ),
    );
    const sizedEdges = new Set<string>();
    const undeclared: string[] = [];
    let lists = 0;
    for (const [typeName, type] of types) {
      for (const field of type.fields ?? []) {
        const listSize = field.directives?.find((directive) => directive.name.value === "listSize");
        const sizedFields = listSize?.arguments?.find(
          (argument) => argument.name.value === "sizedFields",
        )?.value;
        if (sizedFields?.kind === Kind.LIST) {
          let named = field.type;
          while (named.kind !== Kind.NAMED_TYPE) named = named.type;
          for (const sized of sizedFields.values) {
            if (sized.kind === Kind.STRING) sizedEdges.add(`${named.name.value}.${sized.value}`);
          }
        }
        const nullable = field.type.kind === Kind.NON_NULL_TYPE ? field.type.type : field.type;
        if (nullable.kind !== Kind.LIST_TYPE) continue;
        lists += 1;
        if (!listSize) undeclared.push(`${typeName}.${field.name.value}`);
      }
    }
    const unsized = undeclared.filter((field) => !sizedEdges.has(field));
    expect(lists).toBeGreaterThan(50);
    expect(unsized).toEqual([]);
    const children = types.get("Region")?.fields?.find((field) => field.name.value === "children");
    expect(children?.directives?.map((directive) => print(directive))).toContain(
      "@listSize(assumedSize: 21)",
    );
  });
});
