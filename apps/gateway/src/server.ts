import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, HeaderMap } from "@apollo/server";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import {
  createIdentitySigner,
  ErrorCode,
  errorLoggingPlugin,
  httpProtocolPlugin,
  type Logger,
  maskError,
  type Principal,
  type RunningHttpServer,
  startGraphQLHttpServer,
} from "@lamplight/platform";
import { GraphQLError } from "graphql";
import type { Authenticate } from "./auth.js";
import { clientAddress, TrustedProxies } from "./client-address.js";
import {
  DEFAULT_LIMITS,
  DEFAULT_MAX_TOKENS,
  fieldCostsFromSdl,
  hiddenSchemaDetailsPlugin,
  type OperationLimits,
  operationLimitsPlugin,
} from "./limits.js";
import { OperationScopes, partnerScopesPlugin } from "./partner-scopes.js";
import { PartnerUsage, partnerUsagePlugin } from "./partner-usage.js";
import { PartnerDirectory, trustedOperationsPlugin } from "./partners.js";
import {
  countFailedAuth,
  DEFAULT_RATE_LIMITS,
  enforceRateLimit,
  failedAuthKeys,
  MemoryRateLimitStore,
  type RateLimitStatus,
  type RateLimitStore,
  type RateLimits,
  rateLimitHeaders,
  rateLimitHeadersPlugin,
  refuseAfterFailedAuth,
} from "./rate-limit.js";
import { SubgraphDataSource } from "./subgraph-data-source.js";

/** What the gateway's plugins and data sources see of a request. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  /** Where the caller stands in its rate limit: every answer's RateLimit header fields. */
  rateLimit: RateLimitStatus;
  /** The principal signed for one subgraph (its name), made once per request and subgraph. */
  identityFor: (subgraph: string) => Promise<string>;
}

export interface GatewayOptions {
  supergraphSdl: string;
  logger: Logger;
  authenticate: Authenticate;
  /** Signs the principal for subgraphs (identityKey(IDENTITY_SIGNING_KEY)). */
  identityKey: Uint8Array;
  /** Routing URL overrides by subgraph name (tests, containers); otherwise the supergraph's own. */
  subgraphUrls?: Record<string, string>;
  subgraphTimeoutMs?: number;
  production?: boolean;
  corsOrigins?: readonly string[] | "*";
  limits?: OperationLimits;
  maxTokens?: number;
  rateLimits?: RateLimits;
  /** Shared counts for several gateway replicas (Redis); in memory by default. */
  rateLimitStore?: RateLimitStore;
  /** How long a partner key's verification is trusted before asking again (a revocation's delay). */
  partnerCacheMs?: number;
  /** How long an identity signed for a subgraph lives (20 s by default). */
  identityTtlSeconds?: number;
  /** How long an unknown partner key is remembered as unknown (5 s by default). */
  partnerNegativeCacheMs?: number;
  /** How often partner keys' usage counts are flushed to access (a minute by default). */
  partnerUsageFlushMs?: number;
  /**
   * Proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client for rate limits;
   * none by default: the socket's peer is the client.
   */
  trustedProxies?: readonly string[];
}

/**
 * `@apollo/gateway` exports usage metrics to its vendor over OTLP, and probes the metadata
 * services of four clouds for them, unless APOLLO_TELEMETRY_DISABLED is set when an
 * ApolloGateway is constructed. A platform holding children's data sends nothing anywhere it
 * was not told to, so the gateway sets it itself, whatever its environment says; there is no
 * setting to turn it back on. (Apollo Server's usage and schema reporting need an APOLLO_KEY,
 * which Lamplight never reads.)
 */
function disableVendorTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
}

/** Whether a dependency answers. */
type DependencyState = "ready" | "unavailable";

/** What the gateway's `/readyz` reports beside its status. */
interface Readiness {
  subgraphs: Record<string, DependencyState>;
  /** `unused` when rate-limit counts are kept in memory (no REDIS_URL). */
  redis: DependencyState | "unused";
}

/** How long one round of subgraph probes answers `/readyz`: a load balancer probes every replica often. */
const READINESS_CACHE_MS = 1_500;
const READINESS_TIMEOUT_MS = 2_000;

/** Each subgraph's own `/readyz`, asked in parallel. */
async function subgraphStates(urls: ReadonlyMap<string, string>): Promise<Record<string, DependencyState>> {
  const states = await Promise.all(
    [...urls].map(async ([name, url]): Promise<[string, DependencyState]> => {
      try {
        const response = await fetch(new URL("/readyz", url), {
          signal: AbortSignal.timeout(READINESS_TIMEOUT_MS),
        });
        await response.body?.cancel();
        return [name, response.ok ? "ready" : "unavailable"];
      } catch {
        return [name, "unavailable"];
      }
    }),
  );
  return Object.fromEntries(states);
}

async function storeState(store: RateLimitStore): Promise<Readiness["redis"]> {
  if (!store.ping) return "unused";
  try {
    await store.ping(AbortSignal.timeout(READINESS_TIMEOUT_MS));
    return "ready";
  } catch {
    return "unavailable";
  }
}

/** The Apollo gateway over the composed supergraph, served with Lamplight's HTTP endpoints. */
export function createGateway(options: GatewayOptions): {
  listen(port: number, host?: string): Promise<RunningHttpServer>;
} {
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const rateLimits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  const rateLimitStore = options.rateLimitStore ?? new MemoryRateLimitStore();
  const partners = new PartnerDirectory(() => subgraphUrls.get("access"), options.identityKey, {
    cacheMs: options.partnerCacheMs,
    negativeCacheMs: options.partnerNegativeCacheMs,
  });
  const partnerUsage = new PartnerUsage(
    (counts) => partners.recordUsage(counts),
    options.logger,
    options.partnerUsageFlushMs,
  );
  const subgraphUrls = new Map<string, string>();
  const signForSubgraphs = createIdentitySigner(options.identityKey, options.identityTtlSeconds);
  const trustedProxies = new TrustedProxies(options.trustedProxies ?? []);
  disableVendorTelemetry();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService({ name, url }) {
      const target = options.subgraphUrls?.[name] ?? url;
      subgraphUrls.set(name, target!);
      return new SubgraphDataSource(
        name,
        {
          url: target,
          // Node's fetch keeps connections to the subgraphs alive; each fetch has a deadline.
          fetcher: (input, init) =>
            fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit) as never,
        },
        options.logger,
      );
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    // Introspection stays on; in production the limits plugin allows it to signed-in staff only.
    introspection: true,
    // In production a misspelt field gets no "Did you mean …?": suggestions would map the schema
    // for anyone introspection is closed to.
    hideSchemaDetailsFromClientErrors: options.production ?? false,
    // closeOnSignals drains requests and closes Redis; Apollo's own handler would re-raise the
    // signal and kill the process mid-request.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS },
    plugins: [
      errorLoggingPlugin<GatewayContext>(options.logger),
      httpProtocolPlugin<GatewayContext>(),
      rateLimitHeadersPlugin<GatewayContext>(),
      operationLimitsPlugin<GatewayContext>({
        limits: options.limits ?? DEFAULT_LIMITS,
        introspectionForStaffOnly: options.production ?? false,
        fieldCosts: fieldCostsFromSdl(options.supergraphSdl),
      }),
      trustedOperationsPlugin<GatewayContext>(partners),
      partnerUsagePlugin<GatewayContext>(partnerUsage),
      partnerScopesPlugin<GatewayContext>(new OperationScopes(options.supergraphSdl)),
      ...(options.production ? [hiddenSchemaDetailsPlugin<GatewayContext>()] : []),
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
    ],
  });
  /** The last probes of the subgraphs, shared by the readiness probes of the next moments. */
  let subgraphProbe: { at: number; result: Promise<Record<string, DependencyState>> } | undefined;
  const probeSubgraphs = () => {
    if (!subgraphProbe || Date.now() - subgraphProbe.at > READINESS_CACHE_MS) {
      subgraphProbe = { at: Date.now(), result: subgraphStates(subgraphUrls) };
    }
    return subgraphProbe.result;
  };
  let readiness: Readiness | undefined;
  const readinessReport = async (): Promise<Readiness> => {
    const [subgraphs, redis] = await Promise.all([probeSubgraphs(), storeState(rateLimitStore)]);
    return { subgraphs, redis };
  };
  return {
    listen(port, host) {
      partnerUsage.start();
      return startGraphQLHttpServer<GatewayContext>(
        {
          apollo,
          logger: options.logger,
          corsOrigins: options.corsOrigins ?? "*",
          // The last usage counts reach access before the gateway exits.
          onClose: async () => {
            await partnerUsage.stop();
            await rateLimitStore.close();
          },
          async context(request) {
            let principal: Principal;
            const apiKey = request.headers["x-api-key"];
            const credentials = typeof apiKey === "string" || Boolean(request.headers.authorization);
            const address = clientAddress(
              request.remoteAddress,
              request.headers["x-forwarded-for"],
              trustedProxies,
            );
            const failureKeys = failedAuthKeys(address, typeof apiKey === "string" ? apiKey : undefined);
            // A caller that used up its failed-authentication budget is refused before any check.
            if (credentials) await refuseAfterFailedAuth(rateLimitStore, rateLimits, failureKeys);
            try {
              if (typeof apiKey === "string" && request.headers.authorization) {
                throw new GraphQLError("Send either an API key or a bearer token, not both");
              }
              principal =
                typeof apiKey === "string"
                  ? await partners.principal(apiKey)
                  : await options.authenticate(request.headers.authorization);
            } catch (error) {
              const budget = await countFailedAuth(rateLimitStore, rateLimits, failureKeys);
              const message = error instanceof GraphQLError ? error.message : "Authentication failed";
              throw new GraphQLError(message, {
                extensions: {
                  code: ErrorCode.UNAUTHENTICATED,
                  http: { status: 401, headers: new HeaderMap(rateLimitHeaders(budget)) },
                },
              });
            }
            let rateLimit: RateLimitStatus;
            try {
              rateLimit = await enforceRateLimit(rateLimitStore, rateLimits, principal, address);
            } catch (error) {
              // Refused before its document is read: counted without an operation.
              if (principal.kind === "partner" && principal.subject) {
                partnerUsage.record(principal.subject, null, "rateLimited");
              }
              throw error;
            }
            return {
              requestId: request.requestId,
              principal,
              rateLimit,
              identityFor: signForSubgraphs(principal, request.requestId),
            };
          },
          // Ready when it can serve: its supergraph is loaded (before it listens) and its rate-limit
          // store answers. A subgraph down only fails its own fields, so it is reported, not required.
          async ready() {
            readiness = await readinessReport();
            if (readiness.redis === "unavailable") throw new Error("redis does not answer");
          },
          readyDetails: () => (readiness ? { subgraphs: readiness.subgraphs, redis: readiness.redis } : {}),
        },
        port,
        host,
      );
    },
  };
}
