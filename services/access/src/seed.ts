import { createLogger } from "@lamplight/platform";
import { scaleFromArgs } from "@lamplight/seed-kit";
import { access } from "./index.js";
import { seedAccess } from "./seed/index.js";

// `pnpm seed`: migrate, then load the demo data (idempotent). Never in production: the demo
// partner's key secret is published in the README.
const env = access.env();
const logger = createLogger(`${access.name}-seed`, env.LOG_LEVEL);
if (env.NODE_ENV === "production") {
  logger.error("refusing to load demo data (a well-known partner key) with NODE_ENV=production");
  process.exit(1);
}
const database = await access.open({ databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
try {
  const started = Date.now();
  // Access holds the same demo partner at every scale; the seed number gives its key.
  const seeded = await seedAccess(database.client, scaleFromArgs().seed);
  logger.info({ ...seeded, ms: Date.now() - started }, "demo data loaded");
} finally {
  await database.close();
}
