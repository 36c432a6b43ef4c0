import { vacuumAnalyzeSchema } from "@lamplight/db-kit";
import { createLogger } from "@lamplight/platform";
import { scaleFromArgs } from "@lamplight/seed-kit";
import { campaigns } from "./index.js";
import { type BulkTable, seedCampaigns } from "./seed/index.js";

// `pnpm seed [--scale demo|province] [--seed N] [--homes N]`: migrate, then load the data of that
// scale (idempotent). Logs each table's rows and rows per second of insert time, and the total.
const env = campaigns.env();
const logger = createLogger(`${campaigns.name}-seed`, env.LOG_LEVEL);
const scale = scaleFromArgs(process.argv.slice(2));
const database = await campaigns.open({ databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
try {
  const started = performance.now();
  const tables = new Map<BulkTable, { rows: number; ms: number }>();
  const seeded = await seedCampaigns(database.client, scale, (table, rows, ms) => {
    const tally = tables.get(table) ?? { rows: 0, ms: 0 };
    tally.rows += rows;
    tally.ms += ms;
    tables.set(table, tally);
  });
  const ms = performance.now() - started;
  for (const [table, { rows, ms: insertMs }] of tables) {
    logger.info(
      {
        table,
        rows,
        seconds: +(insertMs / 1000).toFixed(2),
        rowsPerSecond: Math.round(rows / (insertMs / 1000)),
      },
      `${table}: ${rows} rows, ${Math.round(rows / (insertMs / 1000))} rows/s`,
    );
  }
  const rows = Object.values(seeded).reduce((sum, count) => sum + count, 0);
  logger.info(
    { scale, ...seeded, seconds: +(ms / 1000).toFixed(1), rowsPerSecond: Math.round(rows / (ms / 1000)) },
    `${scale.name} data loaded: ${rows} rows in ${(ms / 1000).toFixed(1)} s`,
  );
  logger.info(await vacuumAnalyzeSchema(database.client), "tables vacuumed and analysed");
} finally {
  await database.close();
}
