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
  PORT: portVariable(4005),
  /** Empty: embedded PGlite in services/access/.data; `pglite:<dir>`; or `postgres://…`. */
  DATABASE_URL: z.string().optional(),
  /** The PostgreSQL schema; defaults to the service name. */
  DATABASE_SCHEMA: z.string().optional(),
});
assertProductionSecrets(env);
