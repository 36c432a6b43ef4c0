import {
  ApolloGateway,
  type GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
} from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import {
  errorLoggingPlugin,
  type Logger,
  maskError,
  type RunningHttpServer,
  startGraphQLHttpServer,
} from "@lamplight/subgraph-kit";

/** What the gateway's resolvers and data sources see of a request. */
export interface GatewayContext {
  requestId: string;
}

export interface GatewayOptions {
  supergraphSdl: string;
  logger: Logger;
  /** Routing URL overrides by subgraph name (tests, containers); otherwise the supergraph's own. */
  subgraphUrls?: Record<string, string>;
  subgraphTimeoutMs?: number;
  production?: boolean;
  corsOrigins?: readonly string[] | "*";
}

/** Forwards the request id so that one request can be followed through every subgraph's logs. */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if ("requestId" in context && context.requestId)
      request.http?.headers.set("x-request-id", context.requestId);
  }
}

/** The Apollo gateway over the composed supergraph, served with Lamplight's HTTP endpoints. */
export function createGateway(options: GatewayOptions): {
  listen(port: number, host?: string): Promise<RunningHttpServer>;
} {
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService({ name, url }) {
      const target = options.subgraphUrls?.[name] ?? url;
      subgraphUrls.set(name, target!);
      return new SubgraphDataSource({
        url: target,
        // Node's fetch keeps connections to the subgraphs alive; each fetch has a deadline.
        fetcher: (input, init) =>
          fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit) as never,
      });
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    plugins: [
      errorLoggingPlugin<GatewayContext>(options.logger),
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
    ],
  });
  return {
    listen(port, host) {
      return startGraphQLHttpServer<GatewayContext>(
        {
          apollo,
          logger: options.logger,
          corsOrigins: options.corsOrigins ?? "*",
          context: async (request) => ({ requestId: request.requestId }),
          // Ready when every subgraph says it is.
          async ready() {
            await Promise.all(
              [...subgraphUrls].map(async ([name, url]) => {
                const response = await fetch(new URL("/readyz", url), { signal: AbortSignal.timeout(2_000) });
                if (!response.ok) throw new Error(`subgraph ${name} is not ready`);
              }),
            );
          },
        },
        port,
        host,
      );
    },
  };
}
