import { readFileSync } from "node:fs";
import path from "node:path";
import { createAuthenticator, DEVELOPMENT_TOKEN_KEY } from "@lamplight/gateway/auth";
import { createGateway, type GatewayOptions } from "@lamplight/gateway/server";
import { createLogger, type Logger } from "@lamplight/subgraph-kit";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { execute, type GraphQLResponse } from "./execute.js";
import { TEST_IDENTITY_KEY } from "./identity.js";
import { type StartedSubgraph, startSubgraph, type TestableService } from "./subgraph.js";

export interface StartedGraph {
  url: string;
  subgraphs: Record<string, StartedSubgraph>;
  execute<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
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
  const started = await Promise.all(services.map((service) => startSubgraph(service, { logger })));
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
    async close() {
      await running.close();
      await Promise.all(started.map((subgraph) => subgraph.close()));
    },
  };
}
