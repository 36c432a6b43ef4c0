import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import path from "node:path";
import { DEFAULT_RATE_LIMITS } from "@lamplight/gateway/rate-limit";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { sitesService } from "@lamplight/sites/testing";
import { createTestDatabase, type TestDatabase } from "@lamplight/testing";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const PRODUCTION_KEY = "a-production-identity-key-of-at-least-32-characters";

/** Starts a deployable as production does (node on its dist) and waits for its ready line. */
function start(entry: string, env: Record<string, string>, ready: string) {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, entry)], {
    cwd: path.dirname(path.dirname(path.join(root, entry))),
    env: { ...process.env, NODE_ENV: "production", IDENTITY_SIGNING_KEY: PRODUCTION_KEY, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ child: ChildProcess; port: number; stderr: () => string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} did not start:\n${stdout}\n${stderr}`)),
      120_000,
    );
    child.on("exit", (code) => reject(new Error(`${entry} exited with ${code}:\n${stdout}\n${stderr}`)));
    child.stdout!.on("data", () => {
      const line = stdout.split("\n").find((candidate) => candidate.includes(`"msg":"${ready}"`));
      if (!line) return;
      clearTimeout(timer);
      resolve({ child, port: Number(new URL(JSON.parse(line).url).port), stderr: () => stderr });
    });
  });
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => resolve(socket.end() && true));
    socket.once("error", () => resolve(false));
  });
}

describe("where a deployable listens, and what it says of its settings", () => {
  const children: ChildProcess[] = [];
  let database: TestDatabase | undefined;
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await database?.dispose();
  });

  // 127.0.0.2 is the loopback too, but not the address 127.0.0.1: a server bound to 127.0.0.1
  // refuses it, one bound to every address (0.0.0.0) accepts it, as it would a remote caller.
  it("a subgraph listens on the loopback only, unless HOST says otherwise; misspelt settings are named with the real one", async () => {
    database = await createTestDatabase("sites", path.join(root, "services/sites"));
    const sites = await start(
      "services/sites/dist/index.js",
      {
        DATABASE_URL: database.databaseUrl,
        ...(database.schema ? { DATABASE_SCHEMA: database.schema } : {}),
        SEED_ON_EMPTY: "false",
        // Sites reads people's organisation events; no people runs here, so its feed is a closed port.
        EVENT_FEED_URLS: "people=http://127.0.0.1:9",
        DATABASE_QUEUE_MAXX: "3",
        SUPRESSION_THRESHOLD: "3",
        LAMPLIGHT_HOST: "0.0.0.0",
        // Read by the gateway: a shared environment (`pnpm start`, one ConfigMap) is no misspelling.
        IDENTITY_TTL_SECONDS: "30",
        RATE_LIMIT_USER: "5",
      },
      "sites subgraph ready",
    );
    children.push(sites.child);
    expect(await accepts("127.0.0.1", sites.port)).toBe(true);
    expect(await accepts("127.0.0.2", sites.port)).toBe(false);

    const warnings = sites.stderr();
    expect(warnings).toContain("Environment warning:");
    expect(warnings).toContain(
      "DATABASE_QUEUE_MAXX is not a setting and is ignored; did you mean DATABASE_QUEUE_MAX?",
    );
    expect(warnings).toContain("LAMPLIGHT_HOST is not a setting and is ignored; did you mean HOST?");
    // SUPRESSION_ is no prefix of ours: only names that look like ours are checked.
    expect(warnings).not.toContain("SUPRESSION_THRESHOLD");
    expect(warnings).not.toContain("IDENTITY_TTL_SECONDS");
    expect(warnings).not.toContain("RATE_LIMIT_USER");
  });

  it("the gateway listens on every address with HOST=0.0.0.0, and names its own misspelt settings", async () => {
    const gateway = await start(
      "apps/gateway/dist/index.js",
      { HOST: "0.0.0.0", RATE_LIMIT_ANONYMUS: "5", SHUTDOWN_GRACE_SECONDS: "3", TRUSTED_PROXY: "10.0.0.1" },
      "gateway ready",
    );
    children.push(gateway.child);
    expect(await accepts("127.0.0.2", gateway.port)).toBe(true);
    const warnings = gateway.stderr();
    expect(warnings).toContain(
      "RATE_LIMIT_ANONYMUS is not a setting and is ignored; did you mean RATE_LIMIT_ANONYMOUS?",
    );
    expect(warnings).toContain(
      "SHUTDOWN_GRACE_SECONDS is not a setting and is ignored; did you mean SHUTDOWN_GRACE_MS?",
    );
    expect(warnings).toContain(
      "TRUSTED_PROXY is not a setting and is ignored; did you mean TRUSTED_PROXIES?",
    );
  });

  it("refuses a TRUSTED_PROXIES entry that is no address or range, at start", async () => {
    await expect(
      start("apps/gateway/dist/index.js", { TRUSTED_PROXIES: "10.0.0.0/8,proxy.internal" }, "gateway ready"),
    ).rejects.toThrow(/TRUSTED_PROXIES: "proxy.internal" is not an IP address or a CIDR range/);
  });
});

describe("the client address used for rate limits", () => {
  const LIMIT = 3;
  const rateLimits = { ...DEFAULT_RATE_LIMITS, anonymousPerWindow: LIMIT };
  const graphs: StartedGraph[] = [];
  afterAll(() => Promise.all(graphs.map((graph) => graph.close())));

  const ask = async (graph: StartedGraph, forwardedFor: string) =>
    (await graph.execute(`{ province { code } }`, {}, { "x-forwarded-for": forwardedFor })).status;

  it("is the socket's peer by default: X-Forwarded-For buys no fresh budget", async () => {
    const graph = await startGraph([sitesService], { gateway: { rateLimits } });
    graphs.push(graph);
    const statuses = [];
    for (let client = 1; client <= LIMIT + 1; client += 1)
      statuses.push(await ask(graph, `198.51.100.${client}`));
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("is read from X-Forwarded-For behind a proxy named in TRUSTED_PROXIES, from the right", async () => {
    // The test's requests come from the loopback: here it stands for the proxy.
    const graph = await startGraph([sitesService], {
      gateway: { rateLimits, trustedProxies: ["10.0.0.0/8", "127.0.0.1", "::1"] },
    });
    graphs.push(graph);
    const first = [];
    for (let request = 1; request <= LIMIT + 1; request += 1) first.push(await ask(graph, "198.51.100.1"));
    expect(first).toEqual([200, 200, 200, 429]);
    // Another client behind the same proxy has its own budget, through a second trusted hop too.
    expect(await ask(graph, "198.51.100.2, 10.1.2.3")).toBe(200);
    // What a client writes into the header itself stands left of what the proxy appended.
    expect(await ask(graph, "203.0.113.7, 198.51.100.1")).toBe(429);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const graph = await startGraph([sitesService], {
      gateway: { rateLimits, trustedProxies: ["10.0.0.0/8"] },
    });
    graphs.push(graph);
    const statuses = [];
    for (let client = 1; client <= LIMIT + 1; client += 1)
      statuses.push(await ask(graph, `198.51.100.${client}`));
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
