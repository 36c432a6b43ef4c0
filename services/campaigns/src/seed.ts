import { createLogger } from "@lamplight/subgraph-kit";
import { openCampaignsDatabase, SERVICE_NAME } from "./database.js";
import { env } from "./env.js";
import { seedCampaigns } from "./seed/index.js";

// `pnpm seed`: migrate, then load the demo data (idempotent).
const logger = createLogger(`${SERVICE_NAME}-seed`, env.LOG_LEVEL);
const database = await openCampaignsDatabase({ databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
try {
  const started = Date.now();
  const seeded = await seedCampaigns(database.client);
  logger.info({ ...seeded, ms: Date.now() - started }, "demo data loaded");
} finally {
  await database.close();
}
