import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { composeSupergraph, discoverSubgraphs, type RegisteredSubgraph } from "@lamplight/supergraph";
import { type Server, startServer } from "./processes.js";

/** The benchmark's ports: clear of a development graph on 4000–4005. */
export const LAMPLIGHT_GATEWAY_PORT = 4100;
export const HIVE_GATEWAY_PORT = 4200;
const SUBGRAPH_PORT_OFFSET = 100;

export interface BenchGraph {
  subgraphs: Map<string, Server>;
  lamplight: Server;
  hive: Server;
  /** The identity key shared by the gateway and the subgraphs of this run. */
  identitySecret: string;
  /** The development-token key our gateway accepts in this run. */
  tokenKey: string;
  all(): Server[];
  stop(): Promise<void>;
}

/**
 * Starts every registered subgraph on the benchmark database, then Lamplight's gateway and Hive
 * Gateway over the same supergraph. All run as in production (NODE_ENV=production, logs at warn).
 */
export async function startBenchGraph(root: string, databaseUrl: string): Promise<BenchGraph> {
  const identitySecret = randomBytes(32).toString("base64url");
  const tokenKey = randomBytes(32).toString("base64url");
  const production = {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    IDENTITY_SIGNING_KEY: identitySecret,
  };
  const registered = discoverSubgraphs(root).map(
    (subgraph): RegisteredSubgraph => ({
      ...subgraph,
      port: subgraph.port + SUBGRAPH_PORT_OFFSET,
      url: `http://127.0.0.1:${subgraph.port + SUBGRAPH_PORT_OFFSET}/graphql`,
    }),
  );
  // The subgraphs read each other's events from each other's feeds, as `pnpm start` wires them.
  const eventFeedUrls = registered
    .map((subgraph) => `${subgraph.name}=http://127.0.0.1:${subgraph.port}`)
    .join(",");
  const started: Server[] = [];
  const stopAll = async () => {
    for (const server of started.reverse()) await server.stop();
  };
  try {
    const subgraphs = new Map<string, Server>();
    // All at once; if one fails, the others that did start are stopped with it.
    const starting = await Promise.allSettled(
      registered.map((subgraph) =>
        startServer({
          name: subgraph.name,
          command: process.execPath,
          args: ["dist/index.js"],
          cwd: subgraph.dir,
          env: {
            ...production,
            PORT: String(subgraph.port),
            EVENT_FEED_URLS: eventFeedUrls,
            DATABASE_URL: databaseUrl,
            SEED_ON_EMPTY: "false",
          },
          url: subgraph.url,
          readyUrl: `http://127.0.0.1:${subgraph.port}/readyz`,
        }),
      ),
    );
    for (const outcome of starting) {
      if (outcome.status === "fulfilled") {
        started.push(outcome.value);
        subgraphs.set(outcome.value.name, outcome.value);
      }
    }
    const failed = starting.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
    const supergraphPath = path.join(
      mkdtempSync(path.join(os.tmpdir(), "lamplight-bench-")),
      "supergraph.graphql",
    );
    writeFileSync(supergraphPath, composeSupergraph(registered));
    const lamplight = await startServer({
      name: "gateway",
      command: process.execPath,
      args: ["dist/index.js"],
      cwd: path.join(root, "apps", "gateway"),
      env: {
        ...production,
        PORT: String(LAMPLIGHT_GATEWAY_PORT),
        SUPERGRAPH_PATH: supergraphPath,
        AUTH_DEV_KEY: tokenKey,
        // The benchmark is one client at thousands of requests a second: lift the rate limits.
        RATE_LIMIT_ANONYMOUS: "100000000",
        RATE_LIMIT_USER: "100000000",
        RATE_LIMIT_PARTNER: "100000000",
      },
      url: `http://127.0.0.1:${LAMPLIGHT_GATEWAY_PORT}/graphql`,
      readyUrl: `http://127.0.0.1:${LAMPLIGHT_GATEWAY_PORT}/readyz`,
    });
    started.push(lamplight);
    const benchDir = path.join(root, "bench");
    const hive = await startServer({
      name: "hive-gateway",
      command: path.join(benchDir, "node_modules", ".bin", "hive-gateway"),
      args: [
        "supergraph",
        supergraphPath,
        "--port",
        String(HIVE_GATEWAY_PORT),
        "--host",
        "127.0.0.1",
        "--fork",
        "1",
        "--config-path",
        path.join(benchDir, "hive", "gateway.config.ts"),
      ],
      cwd: benchDir,
      env: { ...process.env, NODE_ENV: "production" },
      url: `http://127.0.0.1:${HIVE_GATEWAY_PORT}/graphql`,
      readyUrl: `http://127.0.0.1:${HIVE_GATEWAY_PORT}/readiness`,
    });
    started.push(hive);
    return {
      subgraphs,
      lamplight,
      hive,
      identitySecret,
      tokenKey,
      all: () => [...started],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
