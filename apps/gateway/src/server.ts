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
  createIdentitySigner,
  ErrorCode,
  errorLoggingPlugin,
  IDENTITY_HEADER,
  isClientErrorCode,
  type Logger,
  maskError,
  type Principal,
  type RunningHttpServer,
  startGraphQLHttpServer,
} from "@lamplight/subgraph-kit";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Authenticate } from "./auth.js";
import { DEFAULT_LIMITS, DEFAULT_MAX_TOKENS, type OperationLimits, operationLimitsPlugin } from "./limits.js";
import { PartnerDirectory, trustedOperationsPlugin } from "./partners.js";
import {
  DEFAULT_RATE_LIMITS,
  enforceRateLimit,
  MemoryRateLimitStore,
  type RateLimitStore,
  type RateLimits,
} from "./rate-limit.js";

/** What the gateway's plugins and data sources see of a request. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  /** The principal signed for subgraphs, made once per request. */
  identity: Promise<string>;
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
}

/**
 * Forwards the request id (one request followed through every log) and the verified principal,
 * signed, so that subgraphs trust who is asking without re-authenticating.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Public fetches under way, by query and variables: identical ones share one subgraph request. */
  private readonly publicFetches = new Map<string, ReturnType<RemoteGraphQLDataSource["process"]>>();

  /**
   * Many clients asking the same public question at once (a home page's figures) cost the subgraph
   * one request. Only for the anonymous public and only for queries: their answers do not depend
   * on who asks and leave no audit entry, which a signed-in reader's must (one per read).
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const key = publicFetchKey(options);
    if (!key) return super.process(options);
    let shared = this.publicFetches.get(key);
    if (!shared) {
      shared = super.process(options).finally(() => this.publicFetches.delete(key));
      this.publicFetches.set(key, shared);
    }
    // Each caller gets its own copy: the query plan merges results into what it is given.
    const response = await shared;
    return { ...response, data: structuredClone(response.data), errors: structuredClone(response.errors) };
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!("requestId" in context)) return;
    request.http?.headers.set("x-request-id", context.requestId);
    request.http?.headers.set(IDENTITY_HEADER, await context.identity);
  }

  /**
   * A subgraph refuses some bad input with an HTTP error (a variable its scalar cannot parse):
   * keep the subgraph's own client error and code instead of a bare "400: Bad Request".
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]) {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: { errors?: GraphQLFormattedError[] } } | undefined)
      ?.body;
    const first = typeof body === "object" ? body?.errors?.[0] : undefined;
    if (first && isClientErrorCode(first.extensions?.code)) {
      return new GraphQLError(first.message, { extensions: first.extensions ?? {} });
    }
    return error;
  }
}

function publicFetchKey(options: GraphQLDataSourceProcessOptions<GatewayContext>): string | null {
  if (!("incomingRequestContext" in options)) return null; // a health check or schema load
  if (options.incomingRequestContext.operation?.operation !== "query") return null;
  if (!("principal" in options.context) || options.context.principal.kind !== "anonymous") return null;
  return JSON.stringify([options.request.query, options.request.variables ?? null]);
}

/** The Apollo gateway over the composed supergraph, served with Lamplight's HTTP endpoints. */
export function createGateway(options: GatewayOptions): {
  listen(port: number, host?: string): Promise<RunningHttpServer>;
} {
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const rateLimits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  const rateLimitStore = options.rateLimitStore ?? new MemoryRateLimitStore();
  const partners = new PartnerDirectory(
    () => subgraphUrls.get("access"),
    options.identityKey,
    options.partnerCacheMs,
  );
  const subgraphUrls = new Map<string, string>();
  const signForSubgraphs = createIdentitySigner(options.identityKey);
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
    // Introspection stays on; in production the limits plugin allows it to signed-in staff only.
    introspection: true,
    parseOptions: { maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS },
    plugins: [
      errorLoggingPlugin<GatewayContext>(options.logger),
      operationLimitsPlugin<GatewayContext>({
        limits: options.limits ?? DEFAULT_LIMITS,
        introspectionForStaffOnly: options.production ?? false,
      }),
      trustedOperationsPlugin<GatewayContext>(partners),
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
          onClose: () => rateLimitStore.close(),
          async context(request) {
            let principal: Principal;
            try {
              const apiKey = request.headers["x-api-key"];
              if (typeof apiKey === "string" && request.headers.authorization) {
                throw new GraphQLError("Send either an API key or a bearer token, not both");
              }
              principal =
                typeof apiKey === "string"
                  ? await partners.principal(apiKey)
                  : await options.authenticate(request.headers.authorization);
            } catch (error) {
              const message = error instanceof GraphQLError ? error.message : "Authentication failed";
              throw new GraphQLError(message, {
                extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
              });
            }
            await enforceRateLimit(rateLimitStore, rateLimits, principal, request.remoteAddress);
            return {
              requestId: request.requestId,
              principal,
              identity: signForSubgraphs(principal),
            };
          },
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
