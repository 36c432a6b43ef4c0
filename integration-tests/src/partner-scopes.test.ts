import { accessService } from "@lamplight/access/testing";
import { campaignsService } from "@lamplight/campaigns/testing";
import { fundingService } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { announceOrganisations, bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Partner scopes through the composed gateway: an operation selecting a field of each area, run
// with a key holding every scope and with keys lacking one each. With the scopes an operation
// needs, data; without one, FORBIDDEN naming the scope and the field, before anything runs.

const ORGANISATION = "2e6a8c0f-4b1d-4f3a-9e5c-7d9b1f3a5c82";
const SCOPES = ["read:sites", "read:people", "read:funding", "read:campaigns"];

/** One operation per area, with the scopes it needs (the supergraph's @partnerScope declarations). */
const OPERATIONS = [
  { area: "sites", document: "query SitesArea { province { code name } }", needs: ["read:sites"] },
  {
    area: "people",
    document: "query PeopleArea { province { ...Figures } } fragment Figures on Region { childrenCount }",
    needs: ["read:sites", "read:people"],
  },
  {
    area: "funding",
    document: "query FundingArea { fundingTotals(groupBy: CITY) { key } }",
    needs: ["read:funding"],
  },
  {
    area: "campaigns",
    document: "query CampaignsArea { projects(first: 1) { totalCount } }",
    needs: ["read:campaigns"],
  },
];

let graph: StartedGraph;
const keys = new Map<string, string>();

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService, fundingService, campaignsService, accessService]);
  await announceOrganisations(graph.subgraphs.access!, [
    { id: ORGANISATION, name: "川报集团", kind: "MEDIA" },
  ]);
  const admin = await bearerHeaders({ subject: "province-admin", roles: ["PROVINCE_ADMIN"] });
  const createKey = async (name: string, scopes: string[]) => {
    const { data, errors } = await graph.execute(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      { input: { organisationId: ORGANISATION, name, scopes } },
      admin,
    );
    expect(errors).toBeUndefined();
    keys.set(name, data?.createApiKey.secret);
  };
  await createKey("every scope", SCOPES);
  for (const scope of SCOPES)
    await createKey(
      `without ${scope}`,
      SCOPES.filter((s) => s !== scope),
    );
  for (const { area, document } of OPERATIONS) {
    const registered = await graph.execute(
      `mutation($input: RegisterTrustedOperationInput!) { registerTrustedOperation(input: $input) { id } }`,
      { input: { organisationId: ORGANISATION, name: area, document } },
      admin,
    );
    expect(registered.errors).toBeUndefined();
  }
});
afterAll(() => graph?.close());

describe.each(OPERATIONS)("an operation of the $area area", ({ document, needs }) => {
  it("answers a key with every scope", async () => {
    const { status, data, errors } = await graph.execute(
      document,
      {},
      { "x-api-key": keys.get("every scope")! },
    );
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data).toBeTruthy();
  });

  it.each(SCOPES)("without %s: data if it does not need it, else FORBIDDEN naming it", async (scope) => {
    const response = await graph.execute(document, {}, { "x-api-key": keys.get(`without ${scope}`)! });
    if (!needs.includes(scope)) {
      expect(response.errors).toBeUndefined();
      return;
    }
    expect(response.status).toBe(403);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", scope });
    expect(response.errors?.[0]?.message).toContain(`needs the scope ${scope}, which the API key lacks`);
  });
});

it("names the field that needs the missing scope, found through a fragment", async () => {
  const people = OPERATIONS.find((operation) => operation.area === "people")!;
  const { errors } = await graph.execute(
    people.document,
    {},
    { "x-api-key": keys.get("without read:people")! },
  );
  expect(errors?.[0]?.extensions).toMatchObject({ scope: "read:people", field: "Region.childrenCount" });
});

it("does not concern staff, whose roles the subgraphs check", async () => {
  const staff = await bearerHeaders({ subject: "finance", roles: ["FINANCE_OFFICER"] });
  const { errors } = await graph.execute("{ province { code childrenCount } }", {}, staff);
  expect(errors).toBeUndefined();
});

it("refuses a document neither registered nor covered for the scope, a covered one for not being registered", async () => {
  const unregistered = "query Unregistered { fundingTotals(groupBy: YEAR) { key } }";
  const lacking = await graph.execute(unregistered, {}, { "x-api-key": keys.get("without read:funding")! });
  expect(lacking.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", scope: "read:funding" });
  const covered = await graph.execute(unregistered, {}, { "x-api-key": keys.get("every scope")! });
  expect(covered.errors?.[0]?.extensions?.code).toBe("PERSISTED_OPERATION_REQUIRED");
});
