import { createHash } from "node:crypto";
import { accessService } from "@lamplight/access/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { announceOrganisations, bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ORGANISATION = "3f2b9c1e-8d4a-4f6b-9e2d-7a1c5b0e4d21";
const TRUSTED = "query CityHomes($city: ID!) { sites(first: 5, filter: { region: $city }) { totalCount } }";

let graph: StartedGraph;
let admin: Record<string, string>;
let secret: string;
let keyId: string;

beforeAll(async () => {
  graph = await startGraph([sitesService, accessService]);
  // The organisation as people would announce it (people is not part of this graph).
  await announceOrganisations(graph.subgraphs.access!, [
    { id: ORGANISATION, name: "四川广播电视台", kind: "MEDIA" },
  ]);
  admin = await bearerHeaders({ subject: "province-admin", roles: ["PROVINCE_ADMIN"] });
  const created = await graph.execute(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
    { input: { organisationId: ORGANISATION, name: "电视台数据接口", scopes: ["read:sites"] } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  secret = created.data?.createApiKey.secret;
  keyId = created.data?.createApiKey.apiKey.id;
  const registered = await graph.execute(
    `mutation($input: RegisterTrustedOperationInput!) { registerTrustedOperation(input: $input) { id } }`,
    { input: { organisationId: ORGANISATION, name: "CityHomes", document: TRUSTED } },
    admin,
  );
  expect(registered.errors).toBeUndefined();
});
afterAll(() => graph?.close());

describe("partners", () => {
  it("run the operations registered for their organisation with their key", async () => {
    const { data, errors } = await graph.execute(TRUSTED, { city: "510700" }, { "x-api-key": secret });
    expect(errors).toBeUndefined();
    expect(data?.sites.totalCount).toBe(0);
  });

  it("run a trusted operation by its persisted-query hash once it is known to the gateway", async () => {
    const sha256Hash = createHash("sha256").update(TRUSTED).digest("hex");
    const send = (body: object) =>
      fetch(graph.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": secret },
        body: JSON.stringify(body),
      }).then(
        (response) =>
          response.json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>,
      );
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    await send({ query: TRUSTED, variables: { city: "510700" }, extensions });
    const byHash = await send({ variables: { city: "510700" }, extensions });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual({ sites: { totalCount: 0 } });
  });

  it("may run nothing else", async () => {
    const { status, errors } = await graph.execute(
      `{ sites(first: 1) { totalCount } }`,
      {},
      { "x-api-key": secret },
    );
    expect(status).toBe(403);
    expect(errors?.[0]?.extensions?.code).toBe("PERSISTED_OPERATION_REQUIRED");
  });

  it("are refused with an unknown key, or with a key and a token at once", async () => {
    const unknown = await graph.execute(TRUSTED, { city: "510700" }, { "x-api-key": "lk_not-a-key" });
    expect(unknown.status).toBe(401);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const both = await graph.execute(TRUSTED, { city: "510700" }, { "x-api-key": secret, ...admin });
    expect(both.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lose access as soon as their key is revoked", async () => {
    const revoked = await graph.execute(
      `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: keyId },
      admin,
    );
    expect(revoked.errors).toBeUndefined();
    const { status, errors } = await graph.execute(TRUSTED, { city: "510700" }, { "x-api-key": secret });
    expect(status).toBe(401);
    expect(errors?.[0]?.message).toBe("The API key is not valid");
  });

  it("cannot reach the gateway-only queries through the graph", async () => {
    const { errors } = await graph.execute(
      `query($s: String!) { partnerCredential(secret: $s) { keyId } }`,
      { s: secret },
      admin,
    );
    expect(errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
