import { access } from "./index.js";
import { exportTrustedOperations } from "./operations-export/index.js";

// `pnpm --filter @lamplight/access run operations:export > operations.json`: prints every
// organisation's trusted operations in the database DATABASE_URL names, as JSON, for
// `pnpm schema:check --operations operations.json`. It reads only: no migration is run. On PGlite,
// stop the service first (one process at a time).
const env = access.env();
const database = await access.open({
  databaseUrl: env.DATABASE_URL,
  schema: env.DATABASE_SCHEMA,
  migrate: false,
});
try {
  process.stdout.write(`${JSON.stringify(await exportTrustedOperations(database.client), null, 2)}\n`);
} finally {
  await database.close();
}
