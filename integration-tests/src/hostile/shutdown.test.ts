import { type ChildProcess, spawn } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@lamplight/testing";
import { afterEach, describe, expect, it } from "vitest";

// Each deployable is started as production starts it: node on its built dist, NODE_ENV=production,
// so Apollo Server's own signal handling would be on were it not turned off.
const root = path.resolve(import.meta.dirname, "../../..");
const PRODUCTION_KEY = "a-production-identity-key-of-at-least-32-characters";

interface Started {
  child: ChildProcess;
  url: string;
  lines: () => Record<string, any>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(entry: string, env: Record<string, string>, ready: string): Promise<Started> {
  const child = spawn(process.execPath, [path.join(root, entry)], {
    cwd: path.dirname(path.dirname(path.join(root, entry))),
    env: {
      ...process.env,
      NODE_ENV: "production",
      IDENTITY_SIGNING_KEY: PRODUCTION_KEY,
      PORT: "0",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // "close", not "exit": the process's last lines are read by then.
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  const lines = () =>
    stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, any>);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} did not start:\n${stdout}\n${stderr}`)),
      120_000,
    );
    const check = setInterval(() => {
      const line = lines().find((entry) => entry.msg === ready);
      if (line) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({ child, url: line.url, lines, exited });
      }
    }, 50);
    void exited.then(({ code }) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${stdout}\n${stderr}`));
    });
  });
}

/**
 * Posts a GraphQL body in two halves: the request is under way (the server is reading it) once
 * `sent` resolves, and completes only when `finish()` sends the rest.
 */
function slowUpload(url: string, query: string) {
  const body = Buffer.from(JSON.stringify({ query }));
  const half = Math.floor(body.length / 2);
  let finish!: () => void;
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    const sending = request(
      url,
      { method: "POST", headers: { "content-type": "application/json", "content-length": body.length } },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    sending.on("error", reject);
    sending.write(body.subarray(0, half));
    finish = () => sending.end(body.subarray(half));
  });
  return { answer, finish: () => finish() };
}

/** A stand-in sites subgraph that answers `province { code }` once `release()` is called. */
async function slowSubgraph() {
  let received!: () => void;
  const requestArrived = new Promise<void>((resolve) => (received = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server: Server = createServer((incoming, response) => {
    incoming.resume();
    incoming.on("end", async () => {
      received();
      await released;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ data: { province: { code: "510000" } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, requestArrived, release, server };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("on SIGTERM, the gateway", () => {
  it("finishes the request under way, closes, writes its last line and exits 0", async () => {
    const upstream = await slowSubgraph();
    cleanups.push(() => upstream.server.close());
    const gateway = await start(
      "apps/gateway/dist/index.js",
      { SUBGRAPH_URLS: `sites=${upstream.url}`, SHUTDOWN_GRACE_MS: "10000" },
      "gateway ready",
    );
    cleanups.push(() => gateway.child.kill("SIGKILL"));

    const answer = fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ province { code } }" }),
    });
    await upstream.requestArrived;
    gateway.child.kill("SIGTERM");
    // The gateway stops accepting at once, yet the request under way goes on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(gateway.child.exitCode).toBeNull();
    upstream.release();

    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { province: { code: "510000" } } });
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    const messages = gateway.lines().map((line) => line.msg);
    expect(messages).toContain("shutting down");
    expect(messages.at(-1)).toBe("stopped");
  });

  it("closes a connection still busy after SHUTDOWN_GRACE_MS, and still exits 0", async () => {
    const upstream = await slowSubgraph();
    cleanups.push(() => upstream.server.closeAllConnections());
    cleanups.push(() => upstream.server.close());
    const gateway = await start(
      "apps/gateway/dist/index.js",
      { SUBGRAPH_URLS: `sites=${upstream.url}`, SHUTDOWN_GRACE_MS: "300" },
      "gateway ready",
    );
    cleanups.push(() => gateway.child.kill("SIGKILL"));

    const answer = fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ province { code } }" }),
    }).then(
      () => "answered",
      () => "connection closed",
    );
    await upstream.requestArrived;
    const signalled = Date.now();
    gateway.child.kill("SIGTERM");
    expect(await answer).toBe("connection closed");
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(5_000);
    const lines = gateway.lines();
    expect(lines.map((line) => line.msg)).toContain("closing connections still open after the grace period");
    expect(lines.at(-1)?.msg).toBe("stopped");
  });
});

describe("on SIGTERM, a subgraph", () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it("finishes the request under way on its database, closes it, writes its last line and exits 0", async () => {
    database = await createTestDatabase("sites", path.join(root, "services/sites"));
    const sites = await start(
      "services/sites/dist/index.js",
      {
        DATABASE_URL: database.databaseUrl,
        ...(database.schema ? { DATABASE_SCHEMA: database.schema } : {}),
        SEED_ON_EMPTY: "false",
        // Sites reads people's organisation events; no people runs here, so its feed is a closed port.
        EVENT_FEED_URLS: "people=http://127.0.0.1:9",
      },
      "sites subgraph ready",
    );
    cleanups.push(() => sites.child.kill("SIGKILL"));

    // A slow client: half its request is sent when the signal comes, the rest after it.
    const upload = slowUpload(sites.url, "{ sites(first: 1) { edges { node { id } } } }");
    await new Promise((resolve) => setTimeout(resolve, 200));
    sites.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sites.child.exitCode).toBeNull();
    upload.finish();

    const answer = await upload.answer;
    expect(answer).toEqual({ status: 200, body: { data: { sites: { edges: [] } } } });
    expect(await sites.exited).toEqual({ code: 0, signal: null });
    const messages = sites.lines().map((line) => line.msg);
    expect(messages).toContain("shutting down");
    expect(messages.at(-1)).toBe("stopped");
  });
});
