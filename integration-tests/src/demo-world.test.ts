import { accessService, seedAccess } from "@lamplight/access/testing";
import { campaignsService, seedCampaigns } from "@lamplight/campaigns/testing";
import { fundingService, seedFunding } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService, seedPeople } from "@lamplight/people/testing";
import { seedSites, sitesService } from "@lamplight/sites/testing";
import { checkReferences, formatReferenceCheck, type ReferenceCheckRow } from "@lamplight/supergraph";
import { bearerHeaders, type StartedSubgraph, type TestableService } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentedQueries, problemsOfAnswer, runDocumentedQuery } from "./doc-examples.js";

// The composed graph with every subgraph's demo seed loaded, as `pnpm seed && pnpm start` gives it:
// one seeding for every check of the demo world as a whole (add them to the describe below).

type ClientOf<Service> = Service extends TestableService<infer Client> ? Client : never;
const clientOf = <Service extends TestableService<any>>(graph: StartedGraph, service: Service) =>
  (graph.subgraphs[service.name] as StartedSubgraph<ClientOf<Service>>).database.client;

let graph: StartedGraph;
let admin: Record<string, string>;
/** How long each subgraph's demo seed took here, and the events settling after them (ms). */
const seedingMs: Record<string, number> = {};

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService, fundingService, campaignsService, accessService]);
  admin = await bearerHeaders({ subject: "demo-province-admin", roles: ["PROVINCE_ADMIN"] });
  const timed = async (name: string, load: () => Promise<unknown>) => {
    const started = performance.now();
    await load();
    seedingMs[name] = Math.round(performance.now() - started);
  };
  // One seed after another, each followed by the events it announced: seeds write replica rows of
  // their own (campaigns' homes), which must not race the same rows arriving from the owner.
  const seeds: Array<[string, () => Promise<unknown>]> = [
    ["sites", () => seedSites(clientOf(graph, sitesService))],
    ["people", () => seedPeople(clientOf(graph, peopleService))],
    ["funding", () => seedFunding(clientOf(graph, fundingService))],
    ["campaigns", () => seedCampaigns(clientOf(graph, campaignsService))],
    ["access", () => seedAccess(clientOf(graph, accessService))],
  ];
  for (const [name, seed] of seeds) {
    await timed(name, seed);
    await timed(`${name} events`, () => graph.settled(600_000));
  }
  process.stderr.write(`demo world seeded: ${JSON.stringify(seedingMs)}\n`);
}, 900_000);
afterAll(async () => {
  await graph?.close();
});

const LISTINGS = [
  "access organisations",
  "campaigns students",
  "campaigns volunteers",
  "campaigns sites",
  "campaigns organisations",
  "funding sites",
  "funding organisations",
  "funding projects",
  "people sites",
  "sites organisations",
];

describe("the demo world", () => {
  it("names no record another subgraph does not have: every reference resolves through the gateway", async () => {
    const rows = await checkReferences({ url: graph.url, headers: admin });
    process.stderr.write(`${formatReferenceCheck(rows)}\n`);
    expect(rows.map((row) => `${row.subgraph} ${row.entity}`).sort()).toEqual([...LISTINGS].sort());
    // Every listing was read to its end: the demo's children, volunteers and homes are named by thousands.
    const named = Object.fromEntries(rows.map((row) => [`${row.subgraph} ${row.entity}`, row.references]));
    expect(named["campaigns students"]).toBeGreaterThan(1_000);
    expect(named["people sites"]).toBeGreaterThan(1_000);
    const dangling = (row: ReferenceCheckRow) => `${row.subgraph} ${row.entity}: ${row.dangling}`;
    expect(rows.filter((row) => row.dangling > 0).map(dangling)).toEqual([]);
  }, 300_000);
});

describe("a references listing", () => {
  it("is refused to anyone but a province admin", async () => {
    const officer = await bearerHeaders({
      subject: "demo-county-officer-yanting",
      roles: ["COUNTY_OFFICER"],
      region: "510723",
    });
    const { data, errors } = await graph.execute(
      `{ campaignsReferences { students(first: 5) { ids } } }`,
      {},
      officer,
    );
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        path: ["campaignsReferences"],
        extensions: expect.objectContaining({ code: "FORBIDDEN" }),
      }),
    ]);
  });

  it("answers null with NOT_FOUND at its path for an id the owner does not know, and counts it", async () => {
    const access = clientOf(graph, accessService);
    // A partner's operation written straight to the database, for an organisation people never had.
    const unknown = "ffffffff-ffff-4fff-8fff-fffffffffff0";
    const row = await access.trustedOperation.create({
      data: {
        organisationId: unknown,
        name: "an operation of no organisation",
        sha256: "0".repeat(64),
        document: "{ __typename }",
        createdBy: "demo-world test",
      },
    });
    try {
      const { data, errors } = await graph.execute<{
        accessReferences: { organisations: { ids: string[]; nodes: unknown[]; hasNextPage: boolean } };
      }>(`{ accessReferences { organisations { ids hasNextPage nodes { createdAt } } } }`, {}, admin);
      const page = data!.accessReferences.organisations;
      const index = page.ids.indexOf(unknown);
      expect(index).toBe(page.ids.length - 1);
      expect(page.nodes[index]).toBeNull();
      expect(page.nodes.filter((node) => node === null)).toHaveLength(1);
      expect(errors).toEqual([
        expect.objectContaining({
          path: ["accessReferences", "organisations", "nodes", index],
          extensions: expect.objectContaining({ code: "NOT_FOUND", serviceName: "people" }),
        }),
      ]);
      const rows = await checkReferences({ url: graph.url, headers: admin, subgraphs: ["access"] });
      expect(rows.find((check) => check.subgraph === "access")).toMatchObject({
        dangling: 1,
        examples: [unknown],
      });
    } finally {
      await access.trustedOperation.delete({ where: { id: row.id } });
    }
  }, 300_000);
});

describe("the documented example queries, on the demo data", () => {
  // In the documents' order: an audit log example reads what the examples above it were audited for.
  it.each(documentedQueries().map((example) => [example.at, example] as const))(
    "%s answers with data",
    async (_at, example) => {
      const answer = await runDocumentedQuery(graph, example);
      // Joined, so that a failure prints every problem in full.
      expect(problemsOfAnswer(answer, example).join("\n"), example.query).toBe("");
    },
  );
});
