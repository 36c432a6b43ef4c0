import {
  assertProductionSecrets,
  commonEnv,
  parseEnv,
  portVariable,
  subgraphAccessEnv,
} from "@lamplight/subgraph-kit";
import { z } from "zod";

/** The only reader of process.env in this service. */
export const env = parseEnv({
  ...commonEnv,
  ...subgraphAccessEnv,
  PORT: portVariable(4003),
  /** Empty: embedded PGlite in services/funding/.data; `pglite:<dir>`; or `postgres://…`. */
  DATABASE_URL: z.string().optional(),
  /** The PostgreSQL schema; defaults to the service name. */
  DATABASE_SCHEMA: z.string().optional(),
  /** Load the demo data on first start of an empty embedded database. */
  SEED_ON_EMPTY: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});
assertProductionSecrets(env);
