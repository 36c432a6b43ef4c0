import { ApolloServer } from "@apollo/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningHttpServer, startGraphQLHttpServer } from "./http.js";
import {
  documentOperationName,
  MAX_LOGGED_OPERATION_NAME,
  MAX_SCANNED_DOCUMENT_CHARS,
  requestOperationName,
} from "./operation-name.js";

describe("requestOperationName", () => {
  it("takes the body's operationName before the document's", () => {
    expect(requestOperationName({ operationName: "Homes", query: "query Other { a }" }, "")).toBe("Homes");
  });

  it("takes the query string's operationName, and else the query string's document (a GET)", () => {
    expect(requestOperationName(undefined, "?operationName=Homes&query=query%20Other%20%7B%20a%20%7D")).toBe(
      "Homes",
    );
    expect(requestOperationName(undefined, "?query=query%20Other%20%7B%20a%20%7D")).toBe("Other");
  });

  it("names the operation from the document alone", () => {
    expect(
      requestOperationName({ query: "query HomesOfCity($city: ID!) { homes(city: $city) { id } }" }, ""),
    ).toBe("HomesOfCity");
  });

  it("cuts a long name", () => {
    const name = "N".repeat(5_000);
    expect(requestOperationName({ operationName: name }, "")).toHaveLength(MAX_LOGGED_OPERATION_NAME);
    expect(requestOperationName({ query: `mutation ${name} { a }` }, "")).toHaveLength(
      MAX_LOGGED_OPERATION_NAME,
    );
  });

  it("has no name without one", () => {
    expect(requestOperationName({ query: "{ a }" }, "")).toBeUndefined();
    expect(requestOperationName("not json", "")).toBeUndefined();
  });
});

describe("documentOperationName", () => {
  it("reads past comments and whitespace, and past fragments before the operation", () => {
    const document = `
      # Homes of one city
      fragment Home on Site { id name }
      # the operation
      mutation   CreateHome($input: In = { query: { a: 1 } }) @tagged(query: query) { query { ...Home } }`;
    expect(documentOperationName(document)).toBe("CreateHome");
  });

  it("gives no name to an anonymous operation", () => {
    expect(documentOperationName("{ homes { id } }")).toBeUndefined();
    expect(documentOperationName("query ($city: ID) { homes(city: $city) { id } }")).toBeUndefined();
  });

  it("gives no name to a document of several operations, named or not", () => {
    expect(documentOperationName("query A { a } query B { b }")).toBeUndefined();
    expect(documentOperationName("query A { a } { b }")).toBeUndefined();
    expect(documentOperationName("{ b } mutation A { a }")).toBeUndefined();
  });

  it("gives no name to a document that does not lex", () => {
    expect(documentOperationName('query A { a(x: "unterminated) }')).toBeUndefined();
  });

  it("does not scan a huge document", () => {
    const huge = `query Huge { ${"a ".repeat(MAX_SCANNED_DOCUMENT_CHARS)} }`;
    const began = performance.now();
    expect(documentOperationName(huge)).toBeUndefined();
    expect(performance.now() - began).toBeLessThan(50);
    const large = `query Large { ${"a ".repeat(MAX_SCANNED_DOCUMENT_CHARS / 2 - 20)} }`;
    expect(documentOperationName(large)).toBe("Large");
  });
});

describe("the request log line", () => {
  const lines: Record<string, unknown>[] = [];
  let running: RunningHttpServer;

  beforeAll(async () => {
    const logger = pino(
      { level: "info" },
      { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const apollo = new ApolloServer({ typeDefs: "type Query { hello: String }", resolvers: {} });
    running = await startGraphQLHttpServer(
      { apollo, logger, context: async () => ({}), ready: async () => {} },
      0,
    );
  });
  afterAll(() => running?.close({ graceMs: 0 }));

  it("names an operation that only its document names", async () => {
    const response = await fetch(running.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "named-in-document" },
      body: JSON.stringify({ query: "# greeting\nquery Greeting { hello }" }),
    });
    expect(response.status).toBe(200);
    await response.text();
    await expect
      .poll(() => lines.find((line) => line.requestId === "named-in-document"))
      .toMatchObject({
        msg: "request",
        operationName: "Greeting",
        status: 200,
      });
  });
});
