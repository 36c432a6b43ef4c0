import { describeDatabaseTarget } from "@lamplight/db-kit";
import { closeOnSignals, createLogger, databaseLimits, identityKey } from "@lamplight/subgraph-kit";
import { openAccessDatabase, SERVICE_NAME } from "./database.js";
import { env } from "./env.js";
import { seedAccess } from "./seed/index.js";
import { createServer } from "./server.js";

const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
const database = await openAccessDatabase({
  databaseUrl: env.DATABASE_URL,
  schema: env.DATABASE_SCHEMA,
  limits: databaseLimits(env),
});
logger.info({ database: describeDatabaseTarget(database.target) }, "database migrated and connected");

// A new embedded database starts with the demo partner, so partner calls can be tried at once.
if (
  env.SEED_ON_EMPTY &&
  env.NODE_ENV !== "production" &&
  database.target.kind === "pglite" &&
  (await database.client.apiKey.count()) === 0
) {
  const seeded = await seedAccess(database.client);
  logger.info(seeded, "loaded demo data into the empty embedded database");
}

const server = await createServer({
  database,
  logger,
  identityKey: identityKey(env.IDENTITY_SIGNING_KEY),
  events: { natsUrl: env.NATS_URL, natsNamespace: env.NATS_NAMESPACE, feedUrls: env.EVENT_FEED_URLS },
});
const running = await server.listen(env.PORT, env.HOST);
closeOnSignals(running, logger, { graceMs: env.SHUTDOWN_GRACE_MS });
logger.info({ url: running.url }, "access subgraph ready");
