import { describeDatabaseTarget } from "@lamplight/db-kit";
import { closeOnSignals, createLogger, identityKey } from "@lamplight/subgraph-kit";
import { openAccessDatabase, SERVICE_NAME } from "./database.js";
import { env } from "./env.js";
import { createServer } from "./server.js";

const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
const database = await openAccessDatabase({ databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
logger.info({ database: describeDatabaseTarget(database.target) }, "database migrated and connected");

const server = await createServer({ database, logger, identityKey: identityKey(env.IDENTITY_SIGNING_KEY) });
const running = await server.listen(env.PORT);
closeOnSignals(running, logger);
logger.info({ url: running.url }, "access subgraph ready");
