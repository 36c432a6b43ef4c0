import { describeDatabaseTarget } from "@lamplight/db-kit";
import { closeOnSignals, createLogger, databaseLimits, identityKey } from "@lamplight/subgraph-kit";
import { openCampaignsDatabase, SERVICE_NAME } from "./database.js";
import { env } from "./env.js";
import { seedCampaigns } from "./seed/index.js";
import { createServer } from "./server.js";

const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
const database = await openCampaignsDatabase({
  databaseUrl: env.DATABASE_URL,
  schema: env.DATABASE_SCHEMA,
  limits: databaseLimits(env),
});
logger.info({ database: describeDatabaseTarget(database.target) }, "database migrated and connected");

// A new embedded database starts with the demo projects, activities and awards, so the first start shows
// real-looking data. Never on PostgreSQL: there, `pnpm seed` is an explicit step.
if (env.SEED_ON_EMPTY && database.target.kind === "pglite" && (await database.client.project.count()) === 0) {
  const started = Date.now();
  const seeded = await seedCampaigns(database.client);
  logger.info({ ...seeded, ms: Date.now() - started }, "loaded demo data into the empty embedded database");
}

const server = await createServer({
  database,
  logger,
  identityKey: identityKey(env.IDENTITY_SIGNING_KEY),
  events: { natsUrl: env.NATS_URL, natsNamespace: env.NATS_NAMESPACE, feedUrls: env.EVENT_FEED_URLS },
  suppressionThreshold: env.SUPPRESSION_THRESHOLD,
  aggregateCacheSeconds: env.AGGREGATE_CACHE_SECONDS,
});
const running = await server.listen(env.PORT, env.HOST);
closeOnSignals(running, logger, { graceMs: env.SHUTDOWN_GRACE_MS });
logger.info({ url: running.url }, "campaigns subgraph ready");
