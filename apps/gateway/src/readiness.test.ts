import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import {
  createLogger,
  DEVELOPMENT_IDENTITY_KEY,
  DEVELOPMENT_TOKEN_KEY,
  identityKey,
  type RunningHttpServer,
} from "@lamplight/platform";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "./auth.js";
import { RedisRateLimitStore } from "./rate-limit.js";
import { createGateway, type GatewayOptions } from "./server.js";

const supergraphSdl = readFileSync(path.join(findWorkspaceRoot(), "supergraph.graphql"), "utf8");
const subgraphNames = [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1]!);

/** A port nothing listens on: the subgraph (or Redis) there is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A stand-in sites subgraph that is ready and counts the readiness probes reaching it. */
function standInSites(): Promise<{ url: string; readinessProbes: () => number; close: () => Promise<void> }> {
  let readinessProbes = 0;
  const server: Server = createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    if (request.url === "/readyz") {
      readinessProbes += 1;
      response.end(JSON.stringify({ status: "ready" }));
      return;
    }
    response.statusCode = 404;
    response.end(JSON.stringify({ error: "not found" }));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        readinessProbes: () => readinessProbes,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

function startGateway(subgraphUrls: Record<string, string>, extra: Partial<GatewayOptions> = {}) {
  return createGateway({
    supergraphSdl,
    logger: createLogger("gateway", "silent"),
    authenticate: createAuthenticator({ developmentKey: DEVELOPMENT_TOKEN_KEY }),
    identityKey: identityKey(DEVELOPMENT_IDENTITY_KEY),
    subgraphUrls,
    ...extra,
  }).listen(0, "127.0.0.1");
}

async function readiness(running: RunningHttpServer) {
  const response = await fetch(new URL("/readyz", running.url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the gateway's readiness", () => {
  let sites: Awaited<ReturnType<typeof standInSites>>;
  let downUrl: string;
  let running: RunningHttpServer;

  beforeAll(async () => {
    sites = await standInSites();
    downUrl = `http://127.0.0.1:${await closedPort()}/graphql`;
    const urls = Object.fromEntries(subgraphNames.map((name) => [name, downUrl]));
    running = await startGateway({ ...urls, sites: sites.url });
  });
  afterAll(async () => {
    await running?.close();
    await sites?.close();
  });

  it("is ready with subgraphs down, and names each subgraph's state", async () => {
    const { status, body } = await readiness(running);
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.redis).toBe("unused");
    expect(body.subgraphs).toEqual(
      Object.fromEntries(subgraphNames.map((name) => [name, name === "sites" ? "ready" : "unavailable"])),
    );
  });

  it("asks the subgraphs once for probes close together", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const before = sites.readinessProbes();
    await Promise.all([readiness(running), readiness(running), readiness(running)]);
    await readiness(running);
    expect(sites.readinessProbes() - before).toBe(1);
  });

  it("is unavailable (503), naming redis, when its rate-limit store does not answer", async () => {
    const store = new RedisRateLimitStore(`redis://127.0.0.1:${await closedPort()}`);
    const noRedis = await startGateway({ sites: sites.url }, { rateLimitStore: store });
    try {
      const { status, body } = await readiness(noRedis);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: "unavailable", redis: "unavailable" });
    } finally {
      await noRedis.close().catch(() => undefined);
    }
  });
});
