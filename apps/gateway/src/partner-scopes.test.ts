import { readFileSync } from "node:fs";
import path from "node:path";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { buildASTSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { OperationScopes } from "./partner-scopes.js";

const supergraphSdl = readFileSync(path.join(findWorkspaceRoot(), "supergraph.graphql"), "utf8");
const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });

const CITY_HOMES = `query PartnerCityHomes($region: ID!) {
  sites(first: 50, filter: { region: $region }) { edges { node { ...Home } } }
}
fragment Home on Site { id name childrenCount }`;

describe("OperationScopes", () => {
  it("are the scopes the supergraph declares for the fields an operation selects, fragments included", () => {
    const scopes = new OperationScopes(supergraphSdl);
    expect(scopes.required("a", schema, parse(CITY_HOMES))).toEqual([
      { scope: "read:sites", field: "Query.sites" },
      { scope: "read:people", field: "Site.childrenCount" },
    ]);
    expect(
      scopes.required("b", schema, parse("{ fundingTotals(groupBy: CITY) { amount { amount } } }")),
    ).toEqual([{ scope: "read:funding", field: "Query.fundingTotals" }]);
    expect(scopes.required("c", schema, parse("{ projects(first: 1) { edges { node { name } } } }"))).toEqual(
      [{ scope: "read:campaigns", field: "Query.projects" }],
    );
  });

  it("are worked out once per document hash", () => {
    const scopes = new OperationScopes(supergraphSdl);
    const first = scopes.required("same", schema, parse(CITY_HOMES));
    // The same hash answers from the cache, whatever document comes with it.
    expect(scopes.required("same", schema, parse("{ __typename }"))).toBe(first);
  });
});
