import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIMITS,
  enforceLimits,
  fieldCostsFromSdl,
  measureOperation,
  usesIntrospection,
} from "./limits.js";

const PAGED = `@listSize(assumedSize: 20, slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false)`;
const sdl = /* GraphQL */ `
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  directive @cost(weight: Int!) on FIELD_DEFINITION
  type Query {
    region(code: ID!): Region
    sites(first: Int, after: String, ids: [ID!]): SiteConnection! ${PAGED}
    standard: [Item!]! @listSize(assumedSize: 11)
    undeclared: [Item!]!
    report: Item @cost(weight: 50)
  }
  type Region {
    code: ID!
    parent: Region
    sites(first: Int): SiteConnection! ${PAGED}
    children: [Region!]! @listSize(assumedSize: 21)
    mostInNeed(first: Int): [Region!]! @listSize(assumedSize: 50, slicingArguments: ["first"], requireOneSlicingArgument: false)
  }
  type SiteConnection { totalCount: Int!, edges: [SiteEdge!]! }
  type SiteEdge { node: Site! }
  type Site { id: ID!, name: String!, region: Region! }
  type Item { code: ID!, name: String! }
`;
const schema = buildSchema(sdl);
const costs = fieldCostsFromSdl(sdl);

function operationOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition");
  if (operation?.kind !== "OperationDefinition") throw new Error("no operation");
  return { document, operation };
}

function measure(query: string, variables: Record<string, unknown> = {}) {
  const { document, operation } = operationOf(query);
  return measureOperation(schema, document, operation, variables, costs, DEFAULT_LIMITS.maxListSize);
}

describe("measureOperation", () => {
  it("counts depth through fragments and ignores __typename", () => {
    const result = measure(
      `query { region(code: "1") { ...Up } } fragment Up on Region { __typename parent { parent { code } } }`,
    );
    expect(result.depth).toBe(4);
  });

  it("multiplies a connection's edges by its page size, 20 when not given; totalCount once", () => {
    // sites 1 + edges 1 + first × (node 1 + name 1)
    expect(measure(`{ sites(first: 10) { edges { node { name } } } }`).cost).toBe(2 + 10 * 2);
    expect(measure(`{ sites { edges { node { name } } } }`).cost).toBe(2 + 20 * 2);
    expect(
      measure(`query($n: Int) { sites(first: $n) { totalCount edges { node { id } } } }`, { n: 50 }).cost,
    ).toBe(3 + 50 * 2);
  });

  it("sizes a connection's edges through fragments on the connection too", () => {
    const direct = measure(`{ sites(first: 10) { edges { node { name } } } }`).cost;
    expect(
      measure(`{ sites(first: 10) { ...Page } } fragment Page on SiteConnection { edges { node { name } } }`)
        .cost,
    ).toBe(direct);
    expect(measure(`{ sites(first: 10) { ... on SiteConnection { edges { node { name } } } } }`).cost).toBe(
      direct,
    );
  });

  it("counts a plain list with its declared size, and its slicing argument when given", () => {
    expect(measure(`{ standard { code name } }`).cost).toBe(1 + 11 * 2);
    expect(measure(`{ region(code: "1") { mostInNeed { code } } }`).cost).toBe(2 + 50);
    expect(measure(`{ region(code: "1") { mostInNeed(first: 3) { code } } }`).cost).toBe(2 + 3);
  });

  it("counts a list without a declaration as the largest list allowed", () => {
    expect(measure(`{ undeclared { code } }`).cost).toBe(1 + DEFAULT_LIMITS.maxListSize);
  });

  it("multiplies lists within lists, past the limit", () => {
    // region 1 + children 1 + 21 × (children 1 + 21 × (sites 1 + edges 1 + 100 × (node 1 + name 1)))
    const nested = measure(
      `{ region(code: "1") { children { children { sites(first: 100) { edges { node { name } } } } } } }`,
    );
    expect(nested.cost).toBe(2 + 21 * (1 + 21 * (2 + 100 * 2)));
    expect(() => enforceLimits(nested, DEFAULT_LIMITS)).toThrow(/estimated cost/);
  });

  it("counts every alias as its own execution, inside a list too", () => {
    const one = measure(`{ region(code: "1") { children { sites(first: 10) { totalCount } } } }`).cost;
    const three = measure(
      `{ region(code: "1") { children { a: sites(first: 10) { totalCount } b: sites(first: 10) { totalCount } c: sites(first: 10) { totalCount } } } }`,
    ).cost;
    expect(three - 2).toBe(3 * (one - 2));
  });

  it("reads a field's declared weight", () => {
    expect(measure(`{ report { code } }`).cost).toBe(50 + 1);
  });

  it("counts a fragment wherever it is spread, and measures a chain of fragments in linear time", () => {
    expect(measure(`{ ...S ...S } fragment S on Query { standard { code } }`).cost).toBe(2 * (1 + 11));
    const chain = Array.from(
      { length: 60 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join(" ");
    const started = Date.now();
    const result = measure(`{ ...F0 } ${chain} fragment F60 on Query { report { code } }`);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.cost).toBe(2 ** 60 * 51);
    expect(() => enforceLimits(result, DEFAULT_LIMITS)).toThrow(/estimated cost/);
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

describe("usesIntrospection", () => {
  const introspects = (query: string) => {
    const { document, operation } = operationOf(query);
    return usesIntrospection(document, operation);
  };

  it("finds __schema and __type in every form the language allows", () => {
    expect(introspects(`{ __schema { queryType { name } } }`)).toBe(true);
    expect(introspects(`{ s: __schema { types { name } } }`)).toBe(true);
    expect(introspects(`{ ... on Query { __type(name: "Site") { name } } }`)).toBe(true);
    expect(introspects(`{ ...Q } fragment Q on Query { __schema { types { name } } }`)).toBe(true);
    expect(
      introspects(
        `{ region(code: "1") { code } ...A } fragment A on Query { ...B } fragment B on Query { ... { __type(name: "X") { name } } }`,
      ),
    ).toBe(true);
  });

  it("lets __typename and ordinary fields through", () => {
    expect(introspects(`{ __typename region(code: "1") { __typename code } }`)).toBe(false);
  });
});
