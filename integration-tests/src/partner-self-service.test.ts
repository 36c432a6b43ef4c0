import { accessService } from "@lamplight/access/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { announceOrganisations, bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ORGANISATION = "3f2b9c1e-8d4a-4f6b-9e2d-7a1c5b0e4d31";
const OPERATION =
  "query CountHomes($city: ID!) { sites(first: 1, filter: { region: $city }) { totalCount } }";
/** The overlap of the rotation below: 1.5 s, in hours. */
const OVERLAP_HOURS = 1.5 / 3_600;

let graph: StartedGraph;
let admin: Record<string, string>;
let partnerAdmin: Record<string, string>;
let oldSecret: string;
let oldKeyId: string;

const run = (secret: string) => graph.execute(OPERATION, { city: "510700" }, { "x-api-key": secret });

beforeAll(async () => {
  // The gateway asks access about every key (a partner cache of 0 ms, as in every composed-graph
  // test): in production a key rotated while cached works on for up to the cache's 30 s past its
  // overlap. Usage is flushed to access every 100 ms.
  graph = await startGraph([sitesService, accessService], { gateway: { partnerUsageFlushMs: 100 } });
  await announceOrganisations(graph.subgraphs.access!, [
    { id: ORGANISATION, name: "四川广播电视台", kind: "MEDIA" },
  ]);
  admin = await bearerHeaders({ subject: "province-admin", roles: ["PROVINCE_ADMIN"] });
  partnerAdmin = await bearerHeaders({
    subject: "partner-admin",
    roles: ["PARTNER_ADMIN"],
    organisation: ORGANISATION,
  });
  const created = await graph.execute(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
    { input: { organisationId: ORGANISATION, name: "电视台数据接口", scopes: ["read:sites"] } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  oldSecret = created.data?.createApiKey.secret;
  oldKeyId = created.data?.createApiKey.apiKey.id;
});
afterAll(() => graph?.close());

describe("partner self-service through the gateway", () => {
  it("runs an operation the partner admin proposed once a province admin approves it", async () => {
    const proposed = await graph.execute(
      `mutation($name: String!, $document: String!) { proposeTrustedOperation(name: $name, document: $document) { id status } }`,
      { name: "CountHomes", document: OPERATION },
      partnerAdmin,
    );
    expect(proposed.data?.proposeTrustedOperation.status).toBe("PENDING");
    expect((await run(oldSecret)).errors?.[0]?.extensions?.code).toBe("PERSISTED_OPERATION_REQUIRED");
    const approved = await graph.execute(
      `mutation($id: ID!) { approveTrustedOperation(id: $id) { status } }`,
      { id: proposed.data?.proposeTrustedOperation.id },
      admin,
    );
    expect(approved.data?.approveTrustedOperation.status).toBe("APPROVED");
    const answered = await run(oldSecret);
    expect(answered.errors).toBeUndefined();
  });

  it("rotates a key: both keys work during the overlap, only the new one after it", async () => {
    const rotated = await graph.execute(
      `mutation($id: ID!, $hours: Float!) { rotateApiKey(id: $id, overlapHours: $hours) { secret apiKey { id } replaces { expiresAt } } }`,
      { id: oldKeyId, hours: OVERLAP_HOURS },
      partnerAdmin,
    );
    expect(rotated.errors).toBeUndefined();
    const newSecret: string = rotated.data?.rotateApiKey.secret;
    expect((await run(oldSecret)).errors).toBeUndefined();
    expect((await run(newSecret)).errors).toBeUndefined();
    const overlapEnds = Date.parse(rotated.data?.rotateApiKey.replaces.expiresAt);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, overlapEnds - Date.now()) + 50));
    const old = await run(oldSecret);
    expect(old.status).toBe(401);
    expect(old.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await run(newSecret)).errors).toBeUndefined();
  });

  it("counts each key's requests per operation, for the partner admin to read", async () => {
    const usage = `query($keyId: ID!, $day: Date!) { apiKeyUsage(keyId: $keyId, from: $day, to: $day) {
      edges { node { operation requests errors rateLimited } } } }`;
    // Today in the province (UTC+8).
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    let rows: { operation: string | null; requests: number; errors: number }[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const { data, errors } = await graph.execute(usage, { keyId: oldKeyId, day }, partnerAdmin);
      expect(errors).toBeUndefined();
      rows = data?.apiKeyUsage.edges.map((edge: { node: unknown }) => edge.node);
      if (rows.reduce((sum, row) => sum + row.requests, 0) >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Refused before approval (an error), answered twice; the refused key after its overlap is not
    // a key's request at all (unknown keys are not counted).
    expect(rows).toEqual([{ operation: "CountHomes", requests: 3, errors: 1, rateLimited: 0 }]);
  });
});
