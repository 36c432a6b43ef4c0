import { createLogger } from "@lamplight/subgraph-kit";
import { openFundingDatabase, SERVICE_NAME } from "./database.js";
import { env } from "./env.js";
import { seedFunding } from "./seed/index.js";

// `pnpm seed`: migrate, then load the demo data (idempotent).
const logger = createLogger(`${SERVICE_NAME}-seed`, env.LOG_LEVEL);
const database = await openFundingDatabase({ databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
try {
  const started = Date.now();
  const seeded = await seedFunding(database.client);
  logger.info({ ...seeded, ms: Date.now() - started }, "demo data loaded");
} finally {
  await database.close();
}
