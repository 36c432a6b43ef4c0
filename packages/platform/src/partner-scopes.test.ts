import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "./errors.js";
import {
  missingScope,
  missingScopeError,
  partnerScopeCatalogue,
  supergraphSchema,
} from "./partner-scopes.js";

const SDL = `
directive @partnerScope(scope: String!) on OBJECT | FIELD_DEFINITION
type Query {
  sites: [Site!]! @partnerScope(scope: "read:sites")
  donations: [Donation!]! @partnerScope(scope: "read:funding")
  version: String!
}
type Site @partnerScope(scope: "read:sites") {
  id: ID!
  name: String!
  childrenCount: Int @partnerScope(scope: "read:people")
}
type Donation @partnerScope(scope: "read:funding") {
  amount: Int!
}
`;

describe("partner scopes", () => {
  const { schema, scopes } = supergraphSchema(SDL);
  const required = (document: string) => scopes.required(schema, parse(document));

  it("are the scopes of every field selected, each with the first field needing it", () => {
    expect(required("{ version sites { id name } }")).toEqual([
      { scope: "read:sites", field: "Query.sites" },
    ]);
    expect(required("{ sites { childrenCount } donations { amount } }")).toEqual([
      { scope: "read:sites", field: "Query.sites" },
      { scope: "read:people", field: "Site.childrenCount" },
      { scope: "read:funding", field: "Query.donations" },
    ]);
    expect(required("{ version __typename }")).toEqual([]);
  });

  it("are found in fragments and inline fragments, with their type conditions", () => {
    const document = `query { sites { ...Home } }
      fragment Home on Site { ... on Site { childrenCount } }`;
    expect(required(document).map(({ scope }) => scope)).toEqual(["read:sites", "read:people"]);
  });

  it("name the scope a key lacks, FORBIDDEN", () => {
    const needed = required("{ sites { childrenCount } }");
    expect(missingScope(needed, ["read:sites", "read:people"])).toBeNull();
    const missing = missingScope(needed, ["read:sites"]);
    expect(missing).toEqual({ scope: "read:people", field: "Site.childrenCount" });
    const error = missingScopeError(missing!);
    expect(error.extensions).toMatchObject({
      code: ErrorCode.FORBIDDEN,
      scope: "read:people",
      field: "Site.childrenCount",
    });
    expect(error.message).toBe("Site.childrenCount needs the scope read:people, which the API key lacks");
  });

  it("list every scope declared", () => {
    expect(scopes.scopes).toEqual(["read:funding", "read:people", "read:sites"]);
  });
});

describe("the partner scope catalogue", () => {
  it("lists every field clients can select that needs a scope, Query first, with its signature", () => {
    const catalogue = partnerScopeCatalogue(`${SDL}
      directive @inaccessible on FIELD_DEFINITION
      extend type Query { secret: Site @inaccessible }`);
    expect(catalogue.fields.map(({ type, signature, scope }) => `${type}.${signature} ${scope}`)).toEqual([
      "Query.sites: [Site!]! read:sites",
      "Query.donations: [Donation!]! read:funding",
      "Donation.amount: Int! read:funding",
      "Site.id: ID! read:sites",
      "Site.name: String! read:sites",
      "Site.childrenCount: Int read:people",
    ]);
    expect(catalogue.fields.find((field) => field.name === "childrenCount")?.typeScope).toBe("read:sites");
    expect(catalogue.required("{ donations { amount } }")).toEqual([
      { scope: "read:funding", field: "Query.donations" },
    ]);
  });
});
