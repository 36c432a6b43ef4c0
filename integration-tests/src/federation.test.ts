import { readFileSync } from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createAuthenticator } from "@lamplight/gateway/auth";
import { createGateway } from "@lamplight/gateway/server";
import { createLogger, type RunningHttpServer } from "@lamplight/platform";
import { sitesService } from "@lamplight/sites/testing";
import { createSubgraphServer } from "@lamplight/subgraph-kit";
import {
  execute,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
  TEST_IDENTITY_KEY,
} from "@lamplight/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";

// A second subgraph that references Site by key, as every other domain will: the gateway must
// fetch the featured ids here, then join each Site's fields from the sites subgraph in one batch.
// It also stands in for people's Region.childrenCount, which sites' coverage @requires.
const probeTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Site @key(fields: "id") {
    id: ID!
    visits: Int!
  }
  type Region @key(fields: "code") {
    code: ID!
    childrenCount: Int
  }
  type Query {
    featuredSites: [Site!]!
  }
`);

let sites: StartedSubgraph;
let probe: RunningHttpServer;
let gateway: RunningHttpServer;
let featured: string[];

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  for (let i = 0; i < 5; i++) {
    const { data } = await sites.execute(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      {
        input: {
          name: `精选${i}留守学生之家`,
          regionCode: "511302",
          address: "四川省南充市顺庆区",
          hostModel: "SCHOOL",
          capacity: 30,
        },
      },
      admin,
    );
    featured = [...(featured ?? []), data?.createSite.id as string];
  }
  const schema = buildSubgraphSchema({
    typeDefs: probeTypeDefs,
    resolvers: {
      Query: { featuredSites: () => featured.map((id) => ({ id })) },
      Site: { visits: (site: { id: string }) => featured.indexOf(site.id) * 10 },
      Region: { __resolveReference: (region: { code: string }) => ({ ...region, childrenCount: null }) },
    },
  });
  const logger = createLogger("probe", "silent");
  probe = await createSubgraphServer({
    name: "probe",
    schema,
    logger,
    context: (base) => base,
    identityKey: TEST_IDENTITY_KEY,
  }).listen(0, "127.0.0.1");

  const root = path.resolve(import.meta.dirname, "../..");
  const composed = composeServices([
    {
      name: "sites",
      url: sites.url,
      typeDefs: parse(readFileSync(path.join(root, "services/sites/schema.graphql"), "utf8")),
    },
    { name: "probe", url: probe.url, typeDefs: probeTypeDefs },
  ]);
  expect(composed.errors).toBeUndefined();
  gateway = await createGateway({
    supergraphSdl: composed.supergraphSdl!,
    logger,
    authenticate: createAuthenticator({}),
    identityKey: TEST_IDENTITY_KEY,
  }).listen(0, "127.0.0.1");
});

afterAll(async () => {
  await gateway?.close();
  await probe?.close();
  await sites?.close();
});

it("joins Site fields from the sites subgraph onto another subgraph's references, in one batch", async () => {
  const before = sites.statements();
  const { data, errors } = await execute(
    gateway.url,
    `{ featuredSites { id visits name region { name parent { name } } } }`,
  );
  expect(errors).toBeUndefined();
  expect(data?.featuredSites).toHaveLength(5);
  expect(data?.featuredSites[2]).toEqual({
    id: featured[2],
    visits: 20,
    name: "精选2留守学生之家",
    region: { name: "顺庆区", parent: { name: "南充市" } },
  });
  // Five references, one _entities call, one SQL query.
  expect(sites.statements() - before).toBe(1);
});
