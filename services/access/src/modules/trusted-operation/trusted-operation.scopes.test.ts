import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  announceOrganisations,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { accessService } from "../../testing.js";
import { OperationScopeCheck } from "./trusted-operation.scopes.js";

const ORG = "7d1e3b5a-2c4f-4a6e-8b0d-9f1a3c5e7b20";
const REGISTER = `mutation($input: RegisterTrustedOperationInput!) { registerTrustedOperation(input: $input) { id } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`;
const HOMES_WITH_CHILDREN = `query HomesWithChildren { sites(first: 5) { edges { node { name ...Counted } } } }
fragment Counted on Site { childrenCount }`;

let access: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;

beforeAll(async () => {
  access = await startSubgraph(accessService);
  await announceOrganisations(access, [{ id: ORG, name: "绵阳市图书馆", kind: "NGO" }]);
  admin = await identityHeaders({ subject: "admin-1", roles: ["PROVINCE_ADMIN"] });
});
afterAll(() => access?.close());

const register = (document: string) =>
  access.execute(REGISTER, { input: { organisationId: ORG, name: "HomesWithChildren", document } }, admin);
const createKey = async (scopes: string[]) => {
  const { data, errors } = await access.execute(
    CREATE_KEY,
    { input: { organisationId: ORG, name: scopes.join(" "), scopes } },
    admin,
  );
  expect(errors).toBeUndefined();
  return data?.createApiKey.apiKey.id as string;
};

describe("registering a trusted operation", () => {
  it("is refused, FORBIDDEN naming the scope and the field, until the organisation's keys cover every field", async () => {
    const none = await register(HOMES_WITH_CHILDREN);
    expect(none.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      scope: "read:sites",
      field: "Query.sites",
    });
    await createKey(["read:sites"]);
    // The fragment's field needs another area's scope.
    const sitesOnly = await register(HOMES_WITH_CHILDREN);
    expect(sitesOnly.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      scope: "read:people",
      field: "Site.childrenCount",
    });
    expect(sitesOnly.errors?.[0]?.message).toBe(
      "Site.childrenCount needs the scope read:people, which none of the organisation's keys has",
    );
    const peopleKey = await createKey(["read:people"]);
    expect((await register(HOMES_WITH_CHILDREN)).errors).toBeUndefined();
    // A revoked key's scopes no longer count.
    await access.execute(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: peopleKey }, admin);
    const revoked = await register(`query Counts { sites(first: 1) { edges { node { childrenCount } } } }`);
    expect(revoked.errors?.[0]?.extensions?.scope).toBe("read:people");
  });

  it("needs no scope for fields the supergraph declares none for", async () => {
    expect((await register("query Version { __typename }")).errors).toBeUndefined();
  });
});

describe("OperationScopeCheck", () => {
  it("reads the scopes from the supergraph file it is given", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "supergraph-")), "supergraph.graphql");
    writeFileSync(
      file,
      `directive @partnerScope(scope: String!) on OBJECT | FIELD_DEFINITION
       type Query { projects: [String!]! @partnerScope(scope: "read:campaigns") }`,
    );
    const check = (scopes: string[]) =>
      new OperationScopeCheck({ activeScopes: async () => scopes }, file).assertCovered(
        ORG,
        parse("{ projects }"),
      );
    await expect(check(["read:sites"])).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN", scope: "read:campaigns", field: "Query.projects" },
    });
    await expect(check(["read:campaigns"])).resolves.toBeUndefined();
  });
});
