import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./access/aggregates.js";
import { AuditTrail, type AuditWriter, auditPlugin } from "./access/audit.js";
import { createIdentityVerifier, IDENTITY_HEADER } from "./access/identity.js";
import { type BaseContext, Loaders } from "./context.js";
import { type IncomingRequest, type RunningHttpServer, startGraphQLHttpServer } from "./http.js";
import type { Logger } from "./logger.js";
import { errorLoggingPlugin, maskError } from "./masking.js";
import { DEFAULT_AGGREGATE_CACHE_SECONDS, SharedAggregates } from "./shared-aggregates.js";

export interface SubgraphServerOptions<Context extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /** Adds the service's own parts (repositories, loaders) to the base context of a request. */
  context: (base: BaseContext, request: IncomingRequest) => Context | Promise<Context>;
  /** The service's database (db-kit's Database): readiness, SQL statement counts, closing. */
  database?: SubgraphDatabase;
  /** The key that verifies the gateway's identity header (identityKey(env.IDENTITY_SIGNING_KEY)). */
  identityKey: Uint8Array;
  /** Where sensitive reads and mutations are recorded (the subgraph's AuditLog). */
  auditLog?: AuditWriter;
  suppressionThreshold?: number;
  /** How long counts and sums are shared between requests; 0 computes them for every request. */
  aggregateCacheSeconds?: number;
}

/** What the server needs of a database; db-kit's `Database` has this shape. */
export interface SubgraphDatabase {
  ping(): Promise<void>;
  close(): Promise<void>;
  statements: { total: number };
}

export interface SubgraphServer {
  listen(port: number, host?: string): Promise<RunningHttpServer>;
}

/**
 * A subgraph's HTTP server: Apollo Server on the federated schema with masked errors, a per-request
 * context (request id, logger, fresh DataLoaders), health, readiness and metrics endpoints.
 */
export function createSubgraphServer<Context extends BaseContext>(
  options: SubgraphServerOptions<Context>,
): SubgraphServer {
  const aggregates = new SharedAggregates(options.aggregateCacheSeconds ?? DEFAULT_AGGREGATE_CACHE_SECONDS);
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    // The gateway composes from committed SDL; introspection here serves developers calling a subgraph.
    introspection: true,
    // Only the gateway calls a subgraph, with operations it has validated: suggestions ("Did you
    // mean …?") would only describe the schema to whoever else reaches it.
    hideSchemaDetailsFromClientErrors: true,
    // Traces are for Apollo's hosted reporting, and cache hints for HTTP caches in front of a
    // server; Lamplight uses neither. Off, no field resolver is wrapped for them: that wrapping was
    // a measurable share of a subgraph's CPU when a request resolves thousands of fields.
    plugins: [
      errorLoggingPlugin<Context>(options.logger),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(options.auditLog ? [auditPlugin<Context>(options.auditLog, options.logger)] : []),
      {
        // A mutation has written (or tried to): the shared counts and sums may be out of date.
        async requestDidStart() {
          return {
            async willSendResponse({ operation }) {
              if (operation?.operation === "mutation") aggregates.clear();
            },
          };
        },
      },
    ],
  });
  let requests = 0;
  const verifyIdentity = createIdentityVerifier(options.identityKey, options.name);
  return {
    async listen(port, host) {
      return startGraphQLHttpServer<Context>(
        {
          apollo,
          logger: options.logger,
          ready: async () => options.database?.ping(),
          onClose: async () => options.database?.close(),
          metrics: () =>
            [
              "# TYPE lamplight_graphql_requests_total counter",
              `lamplight_graphql_requests_total{subgraph="${options.name}"} ${requests}`,
              "# TYPE lamplight_sql_statements_total counter",
              `lamplight_sql_statements_total{subgraph="${options.name}"} ${options.database?.statements.total ?? 0}`,
              "# TYPE process_resident_memory_bytes gauge",
              `process_resident_memory_bytes ${process.memoryUsage().rss}`,
              "",
            ].join("\n"),
          async context(request) {
            requests += 1;
            const header = request.headers[IDENTITY_HEADER];
            const principal = await verifyIdentity(typeof header === "string" ? header : undefined);
            const base: BaseContext = {
              requestId: request.requestId,
              logger: request.logger,
              loaders: new Loaders(),
              aggregates,
              principal,
              audit: new AuditTrail(principal, request.requestId),
              suppressBelow: options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
            };
            return options.context(base, request);
          },
        },
        port,
        host,
      );
    },
  };
}
