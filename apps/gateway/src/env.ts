import path from "node:path";
import {
  assertProductionSecrets,
  commonEnv,
  DEVELOPMENT_TOKEN_KEY,
  identityEnv,
  nameUrlPairs,
  parseEnv,
  portVariable,
} from "@lamplight/platform";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { z } from "zod";
import { TrustedProxies } from "./client-address.js";
import { DEFAULT_LIMITS, DEFAULT_MAX_TOKENS } from "./limits.js";
import { DEFAULT_RATE_LIMITS } from "./rate-limit.js";

/** The only reader of process.env in the gateway. */
export const env = parseEnv({
  ...commonEnv,
  ...identityEnv,
  /** An OIDC provider's JWKS endpoint, e.g. https://id.example.org/.well-known/jwks.json. */
  AUTH_JWKS_URL: z.string().url().optional(),
  /** The issuer and audience tokens from that provider must carry. */
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().optional(),
  /**
   * The key of development tokens (`pnpm token`). Defaults to a development key outside
   * production; set to "off" to accept only the OIDC provider's tokens.
   */
  AUTH_DEV_KEY: z.string().optional(),
  /** Shared rate-limit counts for several gateway replicas; unset keeps counts in this process. */
  REDIS_URL: z.string().url().optional(),
  REDIS_KEY_PREFIX: z.string().default("lamplight"),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.windowMs),
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.anonymousPerWindow),
  RATE_LIMIT_USER: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.userPerWindow),
  RATE_LIMIT_PARTNER: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.partnerPerWindow),
  /** How long the identity the gateway signs for a subgraph lives, in seconds. */
  IDENTITY_TTL_SECONDS: z.coerce.number().int().min(5).max(60).default(20),
  /** Failed authentications per window, by client address and by API-key prefix. */
  RATE_LIMIT_FAILED_AUTH: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_RATE_LIMITS.failedAuthPerWindow ?? 20),
  LIMIT_MAX_DEPTH: z.coerce.number().int().positive().default(DEFAULT_LIMITS.maxDepth),
  LIMIT_MAX_ALIASES: z.coerce.number().int().nonnegative().default(DEFAULT_LIMITS.maxAliases),
  LIMIT_MAX_COST: z.coerce.number().int().positive().default(DEFAULT_LIMITS.maxCost),
  LIMIT_MAX_LIST: z.coerce.number().int().positive().default(DEFAULT_LIMITS.maxListSize),
  LIMIT_MAX_TOKENS: z.coerce.number().int().positive().default(DEFAULT_MAX_TOKENS),
  PORT: portVariable(4000),
  /** The composed supergraph; defaults to the committed supergraph.graphql at the repository root. */
  SUPERGRAPH_PATH: z.string().default(() => path.join(findWorkspaceRoot(), "supergraph.graphql")),
  /** Overrides of the routing URLs in the supergraph: `sites=http://sites:4001/graphql,…`. */
  SUBGRAPH_URLS: nameUrlPairs,
  /** How long the gateway waits for a subgraph before failing that fetch. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Browser origins allowed to call the graph: `*` or a comma-separated list. */
  CORS_ORIGINS: z
    .string()
    .default("*")
    .transform((value) => (value === "*" ? ("*" as const) : value.split(",").map((origin) => origin.trim()))),
  /**
   * Proxies whose X-Forwarded-For names the client for rate limits: comma-separated addresses and
   * CIDR ranges. Empty (the default): the socket's peer is the client, whatever the header says.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, context) => {
      const entries = value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      try {
        new TrustedProxies(entries);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
      }
      return entries;
    }),
});
assertProductionSecrets(env);

/** Development tokens are accepted outside production, or in production only with a key of its own. */
export const developmentTokenKey: string | undefined =
  env.AUTH_DEV_KEY === "off"
    ? undefined
    : (env.AUTH_DEV_KEY ?? (env.NODE_ENV === "production" ? undefined : DEVELOPMENT_TOKEN_KEY));
