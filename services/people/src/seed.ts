import { vacuumAnalyzeSchema } from "@lamplight/db-kit";
import { createLogger } from "@lamplight/platform";
import { scaleFromArgs } from "@lamplight/seed-kit";
import { people } from "./index.js";
import { type SeedCounts, seedPeople, type TableLoad } from "./seed/index.js";

// `pnpm seed [--scale demo|province] [--seed <n>] [--homes <n>]`: migrate, then load the data of
// that scale (idempotent), logging rows and rows per second per table.
const env = people.env();
const logger = createLogger(`${people.name}-seed`, env.LOG_LEVEL);
const scale = scaleFromArgs(process.argv.slice(2));
const database = await people.open({ databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
try {
  const started = Date.now();
  const loads = new Map<keyof SeedCounts, TableLoad>();
  const seeded = await seedPeople(database.client, {
    scale,
    loads,
    progress: (students) => {
      if (scale.name === "demo") return;
      const { rss, heapUsed } = process.memoryUsage();
      logger.info(
        { students, ms: Date.now() - started, rssMb: rss >> 20, heapMb: heapUsed >> 20 },
        "chunk loaded",
      );
    },
  });
  for (const [table, { rows, ms }] of loads) {
    logger.info(
      { table, rows, ms: Math.round(ms), rowsPerSecond: ms > 0 ? Math.round((rows * 1000) / ms) : null },
      "table loaded",
    );
  }
  logger.info(
    { scale: scale.name, seed: scale.seed, homes: scale.homes, ...seeded, ms: Date.now() - started },
    `${scale.name} data loaded`,
  );
  logger.info(await vacuumAnalyzeSchema(database.client), "tables vacuumed and analysed");
} finally {
  await database.close();
}
