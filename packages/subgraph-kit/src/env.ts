import { type DatabaseLimits, DEFAULT_DATABASE_LIMITS } from "@lamplight/db-kit";
import { z } from "zod";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./access/aggregates.js";
import { DEVELOPMENT_IDENTITY_KEY } from "./access/identity.js";
import { DEFAULT_AGGREGATE_CACHE_SECONDS } from "./shared-aggregates.js";

/**
 * Parses the environment against a zod schema. Every bad variable is reported at once and the
 * process exits, so a misconfigured deployable never half-starts.
 */
export function parseEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  process.stderr.write(`Invalid environment:\n${lines.join("\n")}\n`);
  process.exit(1);
}

/** Shared variables: a port, a log level, and whether this is production. */
export const commonEnv = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
};

export const portVariable = (defaultPort: number) =>
  z.coerce.number().int().min(0).max(65535).default(defaultPort);

/**
 * The key the gateway signs identities with and subgraphs verify them with. The development
 * default lets the two commands work out of the box; production must set its own.
 */
export const identityEnv = {
  IDENTITY_SIGNING_KEY: z.string().min(32).default(DEVELOPMENT_IDENTITY_KEY),
};

/** Refuses the development identity key in production. */
export function assertProductionSecrets(env: { NODE_ENV: string; IDENTITY_SIGNING_KEY: string }): void {
  if (env.NODE_ENV === "production" && env.IDENTITY_SIGNING_KEY === DEVELOPMENT_IDENTITY_KEY) {
    process.stderr.write(
      "Invalid environment:\n  IDENTITY_SIGNING_KEY: set a secret of your own in production\n",
    );
    process.exit(1);
  }
}

/** A subgraph's access settings: the identity key and the small-count suppression threshold. */
export const subgraphAccessEnv = {
  ...identityEnv,
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).default(DEFAULT_SUPPRESSION_THRESHOLD),
};

/** How long counts and sums are shared between requests (SharedAggregates); 0 turns sharing off. */
export const aggregateCacheEnv = {
  AGGREGATE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(DEFAULT_AGGREGATE_CACHE_SECONDS),
};

/**
 * The database's limits under load: how long PostgreSQL lets a statement run, and how many
 * statements may wait, and for how long, for the embedded database's one connection.
 */
export const databaseLimitsEnv = {
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_DATABASE_LIMITS.statementTimeoutMs),
  DATABASE_QUEUE_MAX: z.coerce.number().int().min(0).default(DEFAULT_DATABASE_LIMITS.queueMax),
  DATABASE_QUEUE_WAIT_MS: z.coerce.number().int().min(1).default(DEFAULT_DATABASE_LIMITS.queueWaitMs),
};

/** The limits db-kit's openDatabase takes, from the parsed environment. */
export function databaseLimits(env: {
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_QUEUE_MAX: number;
  DATABASE_QUEUE_WAIT_MS: number;
}): DatabaseLimits {
  return {
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    queueMax: env.DATABASE_QUEUE_MAX,
    queueWaitMs: env.DATABASE_QUEUE_WAIT_MS,
  };
}

/**
 * Every subgraph's variables: the common ones, access, its port, its database, and whether an empty
 * embedded database gets the demo data on first start. A service adds its own on top.
 */
export function subgraphEnv(defaultPort: number) {
  return {
    ...commonEnv,
    ...subgraphAccessEnv,
    ...aggregateCacheEnv,
    ...databaseLimitsEnv,
    PORT: portVariable(defaultPort),
    /** Empty: embedded PGlite in the service's .data directory; `pglite:<dir>`; or `postgres://…`. */
    DATABASE_URL: z.string().optional(),
    /** The PostgreSQL schema; defaults to the service name. */
    DATABASE_SCHEMA: z.string().optional(),
    /** Load the demo data on first start of an empty embedded database. */
    SEED_ON_EMPTY: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
  };
}
