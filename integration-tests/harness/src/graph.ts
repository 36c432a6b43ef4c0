import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { connectNats, deleteStreams, outboxHead, type SqlClient } from "@lamplight/events";
import { createAuthenticator } from "@lamplight/gateway/auth";
import { createGateway, type GatewayOptions } from "@lamplight/gateway/server";
import { createLogger, DEVELOPMENT_TOKEN_KEY, type Logger } from "@lamplight/platform";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import {
  execute,
  type GraphQLResponse,
  type StartedSubgraph,
  startSubgraph,
  TEST_IDENTITY_KEY,
  type TestableService,
} from "@lamplight/testing";

export interface StartedGraph {
  url: string;
  subgraphs: Record<string, StartedSubgraph>;
  execute<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  /**
   * Resolves once every subgraph has applied every event its producers in this graph have written
   * so far: what a test waits for between a write in one subgraph and a check in another.
   */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface ReadyDetails {
  events?: { consumers: Array<{ producer: string; position: string }> };
}

/**
 * Starts the given subgraphs on fresh databases and the gateway over the committed supergraph,
 * routed to them: the composed graph as clients see it.
 */
export async function startGraph(
  services: TestableService<any>[],
  options: { logger?: Logger; production?: boolean; gateway?: Partial<GatewayOptions> } = {},
): Promise<StartedGraph> {
  const logger = options.logger ?? createLogger("gateway", "silent");
  // The subgraphs read each other's events as in production: from each other's feeds, found once
  // each listens, or through NATS JetStream when NATS_URL is set, in a namespace of this graph's own.
  const feedUrls = new Map<string, string>();
  const natsUrl = process.env.NATS_URL || undefined;
  const natsNamespace = `test_${randomBytes(6).toString("hex")}`;
  const events = { feedUrls: (producer: string) => feedUrls.get(producer), natsUrl, natsNamespace };
  const started = await Promise.all(
    services.map(async (service) => {
      const subgraph = await startSubgraph(service, { logger, events });
      feedUrls.set(subgraph.name, new URL("/", subgraph.url).toString());
      return subgraph;
    }),
  );
  const subgraphs = Object.fromEntries(started.map((subgraph) => [subgraph.name, subgraph]));
  const gateway = createGateway({
    supergraphSdl: readFileSync(path.join(findWorkspaceRoot(), "supergraph.graphql"), "utf8"),
    logger,
    authenticate: createAuthenticator({ developmentKey: DEVELOPMENT_TOKEN_KEY }),
    identityKey: TEST_IDENTITY_KEY,
    subgraphUrls: Object.fromEntries(started.map((subgraph) => [subgraph.name, subgraph.url])),
    production: options.production ?? false,
    // Tests revoke keys and expect the next request to see it.
    partnerCacheMs: 0,
    ...options.gateway,
  });
  const running = await gateway.listen(0, "127.0.0.1");
  return {
    url: running.url,
    subgraphs,
    execute: (query, variables, headers) => execute(running.url, query, variables, headers),
    async settled(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      const heads = new Map<string, bigint>();
      for (const subgraph of started) {
        heads.set(subgraph.name, await outboxHead(subgraph.database.client as unknown as SqlClient));
      }
      for (;;) {
        let behind: string | undefined;
        for (const subgraph of started) {
          const response = await fetch(new URL("/readyz", subgraph.url));
          const details = (await response.json()) as ReadyDetails;
          for (const consumer of details.events?.consumers ?? []) {
            const head = heads.get(consumer.producer);
            if (head !== undefined && BigInt(consumer.position) < head) {
              behind = `${subgraph.name} is at ${consumer.position} of ${consumer.producer}'s ${head}`;
            }
          }
        }
        if (!behind) return;
        if (Date.now() > deadline) throw new Error(`events not settled after ${timeoutMs} ms: ${behind}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await running.close();
      await Promise.all(started.map((subgraph) => subgraph.close()));
      if (natsUrl) {
        const nats = await connectNats(natsUrl, "test-cleanup");
        await deleteStreams(nats, natsNamespace);
        await nats.close();
      }
    },
  };
}
