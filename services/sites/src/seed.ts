import { vacuumAnalyzeSchema } from "@lamplight/db-kit";
import { createLogger } from "@lamplight/platform";
import { scaleFromArgs } from "@lamplight/seed-kit";
import { sites } from "./index.js";
import { seedSites } from "./seed/index.js";

// `pnpm seed [--scale demo|province] [--seed <n>] [--homes <n>]`: migrate, then load the
// province at that scale (idempotent). Logs each table's rows and rows per second.
const env = sites.env();
const logger = createLogger(`${sites.name}-seed`, env.LOG_LEVEL);
const scale = scaleFromArgs(process.argv.slice(2));
const database = await sites.open({ databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
try {
  const started = Date.now();
  const seeded = await seedSites(database.client, scale, ({ table, rows, ms }) => {
    logger.info(
      { table, rows, ms: Math.round(ms), rowsPerSecond: Math.round((rows / Math.max(ms, 1)) * 1000) },
      "table loaded",
    );
  });
  logger.info(
    { scale: scale.name, seed: scale.seed, homes: scale.homes, ...seeded, ms: Date.now() - started },
    "data loaded",
  );
  logger.info(await vacuumAnalyzeSchema(database.client), "tables vacuumed and analysed");
} finally {
  await database.close();
}
