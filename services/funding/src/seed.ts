import { vacuumAnalyzeSchema } from "@lamplight/db-kit";
import { createLogger } from "@lamplight/platform";
import { scaleFromArgs } from "@lamplight/seed-kit";
import { funding } from "./index.js";
import { seedFunding, TableTimes } from "./seed/index.js";

// `pnpm seed [--scale demo|province] [--seed <n>] [--homes <n>]`: migrate, then load the data of
// that scale (idempotent), logging rows and rows per second per table.
const env = funding.env();
const logger = createLogger(`${funding.name}-seed`, env.LOG_LEVEL);
const scale = scaleFromArgs(process.argv.slice(2));
const database = await funding.open({ databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
try {
  const started = Date.now();
  const times = new TableTimes();
  const seeded = await seedFunding(database.client, { scale, times });
  for (const table of times.report()) logger.info(table, "table loaded");
  logger.info(
    { scale: scale.name, seed: scale.seed, homes: scale.homes, ...seeded, ms: Date.now() - started },
    `${scale.name} data loaded`,
  );
  logger.info(await vacuumAnalyzeSchema(database.client), "tables vacuumed and analysed");
} finally {
  await database.close();
}
