import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, enforceLimits, measureOperation } from "./limits.js";

const schema = buildSchema(/* GraphQL */ `
  type Query { region(code: ID!): Region, sites(first: Int, after: String, ids: [ID!]): SiteConnection! }
  type Region { code: ID!, parent: Region, sites(first: Int): SiteConnection! }
  type SiteConnection { totalCount: Int!, edges: [SiteEdge!]! }
  type SiteEdge { node: Site! }
  type Site { id: ID!, name: String!, region: Region! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition");
  if (operation?.kind !== "OperationDefinition") throw new Error("no operation");
  return measureOperation(schema, document, operation, variables);
}

describe("measureOperation", () => {
  it("counts depth through fragments and ignores __typename", () => {
    const result = measure(
      `query { region(code: "1") { ...Up } } fragment Up on Region { __typename parent { parent { code } } }`,
    );
    expect(result.depth).toBe(4);
  });

  it("multiplies a paged field's selection by its page size, 20 when not given", () => {
    expect(measure(`{ sites(first: 10) { edges { node { name } } } }`).cost).toBe(1 + 10 * 3);
    expect(measure(`{ sites { edges { node { name } } } }`).cost).toBe(1 + 20 * 3);
    expect(measure(`query($n: Int) { sites(first: $n) { totalCount } }`, { n: 50 }).cost).toBe(1 + 50);
  });

  it("finds the largest list argument and the alias count", () => {
    const result = measure(
      `query($ids: [ID!]) { a: sites(ids: $ids) { totalCount } b: sites(first: 3) { totalCount } }`,
      {
        ids: Array.from({ length: 250 }, (_, i) => String(i)),
      },
    );
    expect(result.largestList).toEqual({ size: 250, at: "sites(ids)" });
    expect(result.aliases).toBe(2);
  });

  it("survives a fragment that spreads itself", () => {
    expect(() =>
      measure(`{ region(code: "1") { ...Loop } } fragment Loop on Region { parent { ...Loop } }`),
    ).not.toThrow();
  });
});

describe("enforceLimits", () => {
  it("names the limit an operation passes", () => {
    const ok = { depth: 3, aliases: 0, cost: 10, largestList: { size: 5, at: "x" } };
    expect(() => enforceLimits(ok, DEFAULT_LIMITS)).not.toThrow();
    expect(() => enforceLimits({ ...ok, depth: 99 }, DEFAULT_LIMITS)).toThrow(/nested 99 fields deep/);
    expect(() => enforceLimits({ ...ok, cost: 10 ** 9 }, DEFAULT_LIMITS)).toThrow(/estimated cost/);
  });
});
