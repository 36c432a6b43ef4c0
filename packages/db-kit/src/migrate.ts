import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "./config.js";

export interface MigrateOptions {
  /** The service's package directory (holds prisma.config.ts and prisma/migrations). */
  serviceDir: string;
  /** Passed to the Prisma CLI as DATABASE_URL (and DATABASE_SCHEMA for a schema override). */
  databaseUrl: string | undefined;
  target: DatabaseTarget;
}

/** What `prisma migrate deploy` prints when it has applied everything. */
const MIGRATE_DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Applies pending migrations with `prisma migrate deploy`, so a fresh database needs no manual
 * step. The CLI runs in its own process, so an embedded database must not be open elsewhere
 * while it runs.
 */
export async function migrateDatabase(options: MigrateOptions): Promise<void> {
  const { target } = options;
  if (target.kind === "pglite") return runMigrateDeploy(options);
  // Prisma takes one advisory lock for the whole database and gives up after 10 s, so subgraphs
  // (or test servers) migrating their own schemas at once time out behind each other. Queue for
  // the database here first, without a time limit: Prisma's lock is then always free.
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('lamplight-migrate'))");
    await ensureSchema(client, target.schema);
    await runMigrateDeploy(options);
  } finally {
    await client.end();
  }
}

function runMigrateDeploy(options: MigrateOptions): Promise<void> {
  const { target } = options;
  const require = createRequire(path.join(options.serviceDir, "package.json"));
  const prismaCli = require.resolve("prisma/build/index.js");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl && options.databaseUrl !== "" ? options.databaseUrl : "pglite:",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  if (target.kind === "postgres") env.DATABASE_SCHEMA = target.schema;
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd: options.serviceDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let finished = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      // The CLI never disposes its adapter, and an open PGlite keeps its process alive on
      // PostgreSQL's idle timers; once the CLI reports success the migration is committed.
      if (target.kind === "pglite" && !finished && MIGRATE_DONE.test(output)) {
        finished = true;
        child.kill("SIGTERM");
        resolve();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (finished) return;
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`));
    });
  });
}

/** Creates the service's schema when missing; the schema is the service's whole world in PostgreSQL. */
async function ensureSchema(client: pg.Client, schema: string): Promise<void> {
  // Checked first: CREATE SCHEMA needs the CREATE privilege on the database even when the schema
  // exists, and a service running as a least-privilege role has only its own schema.
  const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  if (rowCount === 0) await client.query(`CREATE SCHEMA "${schema}"`);
}
