import { type DatabaseLimits, DEFAULT_DATABASE_LIMITS } from "@lamplight/db-kit";
import { commonEnv, identityEnv, nameUrlPairs, portVariable } from "@lamplight/platform";
import { z } from "zod";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./access/aggregates.js";
import { DEFAULT_AGGREGATE_CACHE_SECONDS } from "./shared-aggregates.js";

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
 * How events travel between subgraphs: NATS JetStream when `NATS_URL` is set, else each producer's
 * internal feed at the base URL `EVENT_FEED_URLS` names for it (`pnpm start` sets it).
 */
export const eventsEnv = {
  /** Empty is unset, as for DATABASE_URL. */
  NATS_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().url().optional()),
  /** Names this deployment's streams and subjects, so that deployments can share one NATS server. */
  NATS_NAMESPACE: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, "lower-case letters, digits and _, starting with a letter")
    .default("lamplight"),
  EVENT_FEED_URLS: nameUrlPairs,
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
    ...eventsEnv,
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
