import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders } from "@lamplight/testing";
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

async function post(url: string, body: string, accept?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    text,
    body: JSON.parse(text) as {
      data?: unknown;
      errors?: { message: string; path?: unknown[]; extensions?: any }[];
    },
  };
}

let graph: StartedGraph;

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService]);
});
afterAll(() => graph?.close());

describe("the GraphQL over HTTP protocol, at the gateway and at a subgraph", () => {
  const endpoints = () => ({ gateway: graph.url, sites: graph.subgraphs.sites!.url });

  it("refuses a subscription as the client's error: 400 with OPERATION_NOT_SUPPORTED, in either media type", async () => {
    for (const [where, url] of Object.entries(endpoints())) {
      for (const accept of [undefined, "application/json", GRAPHQL_RESPONSE_JSON]) {
        const answer = await post(
          url,
          JSON.stringify({ query: "subscription { province { name } }" }),
          accept,
        );
        expect(answer.status, `${where}, accept ${accept}`).toBe(400);
        expect(answer.body.errors?.[0]?.extensions?.code, where).toBe("OPERATION_NOT_SUPPORTED");
        expect(answer.body.data, where).toBeUndefined();
        expect(answer.text, where).not.toMatch(/\bat .+:\d+:\d+/);
      }
    }
  });

  it("passes the graphql-http audit with no warning and no error", async () => {
    for (const [where, url] of Object.entries(endpoints())) {
      const results = await Promise.all(serverAudits({ url, fetchFn: fetch }).map((audit) => audit.fn()));
      const failed = results
        .filter((result) => result.status === "warn" || result.status === "error")
        .map((result) => `${result.id} ${result.name}: ${"reason" in result ? result.reason : ""}`);
      expect(failed, where).toEqual([]);
      // The audit ran its suite: the specification's MUSTs among them.
      expect(results.length, where).toBeGreaterThan(30);
    }
  });

  it("answers in application/graphql-response+json when the client asks for it, with the status telling a refused document", async () => {
    for (const [where, url] of Object.entries(endpoints())) {
      const ok = await post(url, JSON.stringify({ query: "{ province { code } }" }), GRAPHQL_RESPONSE_JSON);
      expect(ok.status, where).toBe(200);
      expect(ok.contentType, where).toContain(GRAPHQL_RESPONSE_JSON);

      const invalid = await post(
        url,
        JSON.stringify({ query: "{ province { nonsense } }" }),
        GRAPHQL_RESPONSE_JSON,
      );
      expect(invalid.status, where).toBe(400);
      expect(invalid.contentType, where).toContain(GRAPHQL_RESPONSE_JSON);
      expect(invalid.body.errors?.[0]?.extensions?.code, where).toBe("GRAPHQL_VALIDATION_FAILED");

      // Older clients that accept only application/json read the body, never the status.
      const legacy = await post(
        url,
        JSON.stringify({ query: "{ province { nonsense } }" }),
        "application/json",
      );
      expect(legacy.status, where).toBe(200);
      expect(legacy.contentType, where).toContain("application/json");
      expect(legacy.body.data, where).toBeUndefined();
      expect(legacy.body.errors?.[0]?.extensions?.code, where).toBe("GRAPHQL_VALIDATION_FAILED");

      const notJson = await post(url, "{ not json", GRAPHQL_RESPONSE_JSON);
      expect(notJson.status, where).toBe(400);
      expect(notJson.contentType, where).toContain(GRAPHQL_RESPONSE_JSON);
      expect(notJson.body.errors?.[0]?.extensions?.code, where).toBe("BAD_REQUEST");
    }
  });
});

describe("a subgraph that fails", () => {
  let silent: Server | undefined;
  afterAll(() => silent?.close());

  it("shows as SERVICE_UNAVAILABLE at the path of each field it was to answer, with its name and nothing of its address", async () => {
    const admin = await bearerHeaders({ subject: "li-wei", roles: ["CITY_ADMIN"], region: "510700" });
    const created = await graph.execute<{ createSite: { id: string } }>(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
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
    expect(created.errors).toBeUndefined();
    const siteId = created.data!.createSite.id;
    const peopleUrl = new URL(graph.subgraphs.people!.url);
    await graph.subgraphs.people!.close();

    // A root fetch: each of its root fields.
    const root = await graph.execute(`{ organisation(id: "00000000-0000-0000-0000-000000000000") { id } }`);
    expect(root.data).toEqual({ organisation: null });
    expect(root.errors).toEqual([
      {
        message: "The people service is unavailable; try again shortly",
        path: ["organisation"],
        extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "people" },
      },
    ]);

    // An entity fetch: the fields it was to add to the object found by the sites subgraph.
    const entity = await graph.execute(
      `query($id: ID!) { site(id: $id) { id childrenCount } }`,
      { id: siteId },
      admin,
    );
    expect(entity.data).toEqual({ site: { id: siteId, childrenCount: null } });
    expect(entity.errors).toEqual([
      {
        message: "The people service is unavailable; try again shortly",
        path: ["site", "childrenCount"],
        extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "people" },
      },
    ]);
    const text = JSON.stringify([root, entity]);
    expect(text).not.toContain(peopleUrl.port);
    expect(text).not.toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1|localhost/);
  });

  it("that does not answer in time shows as TIMEOUT at its fields' path", async () => {
    // A subgraph that accepts the request and never answers.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent!.listen(0, "127.0.0.1", resolve));
    const slowGraph = await startGraph([], {
      gateway: {
        subgraphUrls: { sites: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql` },
        subgraphTimeoutMs: 300,
      },
    });
    try {
      const answer = await slowGraph.execute(`{ province { code } }`);
      expect(answer.errors).toEqual([
        {
          message: "The sites service did not answer in time; try again shortly",
          path: ["province"],
          extensions: { code: "TIMEOUT", serviceName: "sites" },
        },
      ]);
    } finally {
      silent.closeAllConnections();
      await slowGraph.close();
    }
  });
});
