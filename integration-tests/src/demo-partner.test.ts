import { accessService, DEMO_PARTNER, seedAccess } from "@lamplight/access/testing";
import { fundingService } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { DEMO_PARTNER_KEY, DEMO_PARTNER_OPERATIONS } from "@lamplight/seed-kit";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, expect, it } from "vitest";

// The demo partner of the README: its key and its registered operations, as the access seed loads
// them, work against the composed graph (a renamed field would break them here first).

let graph: StartedGraph;
const partner = { "x-api-key": DEMO_PARTNER_KEY.secret };

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService, fundingService, accessService]);
  const access = graph.subgraphs.access!.database.client as Parameters<typeof seedAccess>[0];
  expect(await seedAccess(access)).toEqual({ apiKeys: 1, trustedOperations: DEMO_PARTNER_OPERATIONS.length });
  // Seeding again changes nothing.
  expect(await seedAccess(access)).toEqual({ apiKeys: 0, trustedOperations: DEMO_PARTNER_OPERATIONS.length });
  const created = await graph.execute(
    `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
    {
      input: {
        name: "鹤塘社区留守学生之家",
        regionCode: "510723",
        address: "四川省绵阳市盐亭县",
        hostModel: "SCHOOL",
        capacity: 40,
        status: "OPEN",
      },
    },
    await bearerHeaders({ subject: "province", roles: ["PROVINCE_ADMIN"] }),
  );
  expect(created.errors).toBeUndefined();
});
afterAll(() => graph?.close());

it("runs each of the demo partner's operations with the published key", async () => {
  const homes = await graph.execute(
    DEMO_PARTNER_OPERATIONS.find((operation) => operation.name === "PartnerCityHomes")!.document,
    { region: "510700" },
    partner,
  );
  expect(homes.errors).toBeUndefined();
  expect(homes.data?.sites.totalCount).toBe(1);
  expect(homes.data?.sites.edges[0].node.name).toBe("鹤塘社区留守学生之家");
  for (const operation of DEMO_PARTNER_OPERATIONS) {
    const response = await graph.execute(operation.document, { region: "510700" }, partner);
    expect(response.errors, operation.name).toBeUndefined();
  }
});

it("lists the demo key under the demo partner's organisation, with its scopes", async () => {
  const { data, errors } = await graph.execute(
    `query($organisationId: ID) { apiKeys(organisationId: $organisationId) { edges { node { scopes lastUsedAt } } } }`,
    { organisationId: DEMO_PARTNER.id },
    await bearerHeaders({ subject: "province", roles: ["PROVINCE_ADMIN"] }),
  );
  expect(errors).toBeUndefined();
  expect(data?.apiKeys.edges.map((edge: { node: { scopes: string[] } }) => edge.node.scopes)).toEqual([
    [...DEMO_PARTNER.scopes].sort(),
  ]);
});

it("refuses the demo key anything it is not registered for", async () => {
  const response = await graph.execute("{ regions: province { code } }", {}, partner);
  expect(response.errors?.[0]?.extensions?.code).toBe("PERSISTED_OPERATION_REQUIRED");
});
