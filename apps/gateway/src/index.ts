import { readFileSync } from "node:fs";
import { closeOnSignals, createLogger, identityKey } from "@lamplight/platform";
import { createAuthenticator } from "./auth.js";
import { developmentTokenKey, env } from "./env.js";
import { MemoryRateLimitStore, RedisRateLimitStore } from "./rate-limit.js";
import { createGateway } from "./server.js";

const logger = createLogger("gateway", env.LOG_LEVEL);
const gateway = createGateway({
  supergraphSdl: readFileSync(env.SUPERGRAPH_PATH, "utf8"),
  logger,
  authenticate: createAuthenticator({
    jwksUrl: env.AUTH_JWKS_URL,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    developmentKey: developmentTokenKey,
  }),
  identityKey: identityKey(env.IDENTITY_SIGNING_KEY),
  subgraphUrls: env.SUBGRAPH_URLS,
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  trustedProxies: env.TRUSTED_PROXIES,
  production: env.NODE_ENV === "production",
  corsOrigins: env.CORS_ORIGINS,
  limits: {
    maxDepth: env.LIMIT_MAX_DEPTH,
    maxAliases: env.LIMIT_MAX_ALIASES,
    maxCost: env.LIMIT_MAX_COST,
    maxListSize: env.LIMIT_MAX_LIST,
  },
  maxTokens: env.LIMIT_MAX_TOKENS,
  identityTtlSeconds: env.IDENTITY_TTL_SECONDS,
  rateLimits: {
    windowMs: env.RATE_LIMIT_WINDOW_MS,
    anonymousPerWindow: env.RATE_LIMIT_ANONYMOUS,
    userPerWindow: env.RATE_LIMIT_USER,
    partnerPerWindow: env.RATE_LIMIT_PARTNER,
    failedAuthPerWindow: env.RATE_LIMIT_FAILED_AUTH,
  },
  rateLimitStore: env.REDIS_URL
    ? new RedisRateLimitStore(env.REDIS_URL, env.REDIS_KEY_PREFIX)
    : new MemoryRateLimitStore(),
});
const running = await gateway.listen(env.PORT, env.HOST);
closeOnSignals(running, logger, { graceMs: env.SHUTDOWN_GRACE_MS });
logger.info({ url: running.url }, "gateway ready");
