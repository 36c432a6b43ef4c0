import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let graph: StartedGraph;

beforeAll(async () => {
  graph = await startGraph([sitesService]);
});
afterAll(() => graph?.close());

describe("a freshly started graph", () => {
  // PGlite boots its engine on the first statement (seconds on a loaded machine). A subgraph
  // listens only once its database has answered, so that cost is never a client's first request,
  // which would otherwise outlast the gateway's subgraph deadline.
  it("has each database answering before the first request arrives", () => {
    for (const subgraph of Object.values(graph.subgraphs)) {
      expect(subgraph.database.statements.total, subgraph.name).toBeGreaterThan(0);
    }
  });

  it("answers its first write", async () => {
    const admin = await bearerHeaders({ subject: "li-wei", roles: ["CITY_ADMIN"], region: "510700" });
    const { data, errors } = await graph.execute(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { region { name } } }`,
      {
        input: {
          name: "桂花村留守学生之家",
          regionCode: "510722",
          address: "四川省",
          hostModel: "FAMILY",
          capacity: 12,
        },
      },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data?.createSite.region.name).toBe("三台县");
  });
});
