import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from "@apollo/server/plugin/disabled";
import {
  type ConsumedProducer,
  type ServiceEvents,
  startServiceEvents,
  type TransactionalSqlClient,
} from "@lamplight/events";
import {
  createIdentityVerifier,
  errorLoggingPlugin,
  type HttpRoute,
  httpProtocolPlugin,
  IDENTITY_HEADER,
  type IncomingRequest,
  type Logger,
  type RunningHttpServer,
  startGraphQLHttpServer,
} from "@lamplight/platform";
import type { GraphQLSchema } from "graphql";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./access/aggregates.js";
import { AuditTrail, type AuditWriter, auditPlugin } from "./access/audit.js";
import { type BaseContext, Loaders } from "./context.js";
import { maskSubgraphError } from "./masking.js";
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
  /**
   * The subgraph's events: it serves its outbox to consumers (or relays it to NATS) and keeps
   * replicas of the producers it consumes. Started with the server, stopped with it.
   */
  events?: SubgraphEventsOptions;
  /** The subgraph's own endpoints beside /graphql, by path (e.g. funding's 360Giving files). */
  routes?: Record<string, HttpRoute>;
  /** Work the subgraph does beside answering requests (e.g. access's webhook deliveries). */
  background?: readonly BackgroundTask[];
}

/** Work started once the server listens and stopped, awaited, before its database closes. */
export interface BackgroundTask {
  start(): void;
  stop(): Promise<void>;
}

/** What one subgraph consumes, and how its events travel. */
export interface SubgraphEventsOptions {
  /** Handlers by producer, type and version; the producer's feed URL comes from `feedUrls`. */
  consumes?: Record<string, ConsumedProducer["handlers"]>;
  /**
   * Each consumed producer's base URL, for the internal feed (e.g. `{ sites: "http://localhost:4001" }`),
   * or a function that gives it once known.
   */
  feedUrls?: Record<string, string> | ((producer: string) => string | undefined);
  /** With a URL, NATS JetStream carries the events instead of the feeds. */
  natsUrl?: string | undefined;
  /** Names this deployment's NATS streams (default `lamplight`). */
  natsNamespace?: string | undefined;
}

/** What the server needs of a database; db-kit's `Database` has this shape. */
export interface SubgraphDatabase {
  ping(): Promise<void>;
  close(): Promise<void>;
  statements: { total: number };
  client?: TransactionalSqlClient;
  listen?(channel: string, listener: () => void): Promise<() => Promise<void>>;
}

/** Starts the subgraph's events, when it has them and a database to keep them in. */
async function startEvents(
  name: string,
  database: SubgraphDatabase | undefined,
  options: SubgraphEventsOptions | undefined,
  identityKey: Uint8Array,
  logger: Logger,
): Promise<ServiceEvents | undefined> {
  if (!options || !database?.client || !database.listen) return undefined;
  const consumes: Record<string, ConsumedProducer> = {};
  const { feedUrls } = options;
  for (const [producer, handlers] of Object.entries(options.consumes ?? {})) {
    if (typeof feedUrls === "function") {
      consumes[producer] = { url: () => feedUrls(producer), handlers };
      continue;
    }
    const url = feedUrls?.[producer];
    if (!url && !options.natsUrl) {
      throw new Error(
        `${name} consumes the events of ${producer}: name its URL in EVENT_FEED_URLS, or set NATS_URL`,
      );
    }
    consumes[producer] = { url: url ?? "", handlers };
  }
  return startServiceEvents({
    service: name,
    client: database.client,
    listen: database.listen.bind(database),
    key: identityKey,
    natsUrl: options.natsUrl,
    natsNamespace: options.natsNamespace,
    consumes,
    logger,
  });
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
    formatError: maskSubgraphError,
    includeStacktraceInErrorResponses: false,
    // The gateway composes from committed SDL; introspection here serves developers calling a subgraph.
    introspection: true,
    // Only the gateway calls a subgraph, with operations it has validated: suggestions ("Did you
    // mean …?") would only describe the schema to whoever else reaches it.
    hideSchemaDetailsFromClientErrors: true,
    // closeOnSignals drains requests and closes the database; Apollo's own handler would re-raise
    // the signal and kill the process mid-request.
    stopOnTerminationSignals: false,
    // Traces are for Apollo's hosted reporting, and cache hints for HTTP caches in front of a
    // server; Lamplight uses neither. Off, no field resolver is wrapped for them: that wrapping was
    // a measurable share of a subgraph's CPU when a request resolves thousands of fields.
    plugins: [
      errorLoggingPlugin<Context>(options.logger),
      httpProtocolPlugin<Context>(),
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
      const events = await startEvents(
        options.name,
        options.database,
        options.events,
        options.identityKey,
        options.logger,
      );
      const running = await startGraphQLHttpServer<Context>(
        {
          apollo,
          logger: options.logger,
          // Ready when the database answers and every replica has caught up with its producer.
          ready: async () => {
            await options.database?.ping();
            await events?.ready();
          },
          readyDetails: () => events?.details() ?? {},
          routes: { ...options.routes, ...events?.routes },
          onDrain: () => events?.drain(),
          onClose: async () => {
            await Promise.all((options.background ?? []).map((task) => task.stop()));
            await events?.stop();
            await options.database?.close();
          },
          metrics: () =>
            [
              "# TYPE lamplight_graphql_requests_total counter",
              `lamplight_graphql_requests_total{subgraph="${options.name}"} ${requests}`,
              "# TYPE lamplight_sql_statements_total counter",
              `lamplight_sql_statements_total{subgraph="${options.name}"} ${options.database?.statements.total ?? 0}`,
              ...(events?.metrics() ?? []),
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
      for (const task of options.background ?? []) task.start();
      return running;
    },
  };
}
