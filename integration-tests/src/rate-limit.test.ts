import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import path from "node:path";
import { sitesService } from "@lamplight/sites/testing";
import { execute, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, expect, it } from "vitest";

// Several gateway replicas must enforce one limit: two real gateway processes, one Redis.
// CI always has Redis (.ci/run starts it); a machine without one skips this file.
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const LIMIT = 10;
const redisUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(REDIS_URL);
  const socket = connect({ host: hostname, port: Number(port || 6379) });
  socket.once("connect", () => resolve(socket.end() && true));
  socket.once("error", () => resolve(false));
});

let sites: StartedSubgraph;
const gateways: { process: ChildProcess; url: string }[] = [];

function startGatewayProcess(env: Record<string, string>): Promise<{ process: ChildProcess; url: string }> {
  const entry = path.resolve(import.meta.dirname, "../../apps/gateway/dist/index.js");
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"(http:\/\/[^"]+)","msg":"gateway ready"/.exec(output);
      if (ready) resolve({ process: child, url: ready[1]! });
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  if (!redisUp) return;
  sites = await startSubgraph(sitesService);
  const env = {
    PORT: "0",
    LOG_LEVEL: "info",
    SUBGRAPH_URLS: `sites=${sites.url}`,
    REDIS_URL,
    REDIS_KEY_PREFIX: `lamplight-test-${randomBytes(4).toString("hex")}`,
    RATE_LIMIT_ANONYMOUS: String(LIMIT),
    RATE_LIMIT_WINDOW_MS: "60000",
  };
  gateways.push(...(await Promise.all([startGatewayProcess(env), startGatewayProcess(env)])));
});

afterAll(async () => {
  for (const gateway of gateways) gateway.process.kill("SIGTERM");
  await sites?.close();
});

it.skipIf(!redisUp)("holds one limit across two gateway processes sharing Redis", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 4; i++) {
    const gateway = gateways[i % 2]!;
    statuses.push((await execute(gateway.url, "{ province { code } }")).status);
  }
  // Ten requests in all pass, whichever replica took them; the rest are refused by both.
  expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
  expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429]);

  const refused = await fetch(gateways[0]!.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ province { code } }" }),
  });
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  // The RateLimit header fields say the same, from the shared count.
  expect(refused.headers.get("ratelimit-policy")).toBe(`"anonymous";q=${LIMIT};w=60`);
  expect(refused.headers.get("ratelimit")).toBe(`"anonymous";r=0;t=${retryAfter}`);
  const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0]?.extensions.code).toBe("RATE_LIMITED");
});
