import { createHash, randomBytes } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  createDatabase,
  databaseExists,
  databaseUrlFor,
  dropDatabase,
  migrateDatabase,
  renameDatabase,
  resolveDatabaseTarget,
  withConnection,
} from "@lamplight/db-kit";

/** A fresh, migrated, empty database for one test server. */
export interface TestDatabase {
  databaseUrl: string;
  schema: string | undefined;
  /** Whether opening it must still run the migrations. */
  migrate: boolean;
  dispose(): Promise<void>;
}

/** The database the suite runs on: PostgreSQL when DATABASE_URL says so, otherwise embedded PGlite. */
export function suiteDatabaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

function migrationsHash(serviceDir: string): string {
  const hash = createHash("sha256");
  const dir = path.join(serviceDir, "prisma", "migrations");
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(entry).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 16);
}

/**
 * A migrated PGlite directory for the service's current migrations, made once with
 * `prisma migrate deploy` and copied for each test server: a copy takes milliseconds where
 * creating and migrating a database takes many seconds.
 */
async function pgliteTemplate(service: string, serviceDir: string): Promise<string> {
  const cacheDir = path.join(serviceDir, "node_modules", ".cache", "lamplight-test-db");
  const template = path.join(cacheDir, `${service}-${migrationsHash(serviceDir)}`);
  if (existsSync(template)) return template;
  mkdirSync(cacheDir, { recursive: true });
  const building = mkdtempSync(path.join(cacheDir, "building-"));
  const databaseUrl = `pglite:${building}`;
  await migrateDatabase({
    serviceDir,
    databaseUrl,
    target: resolveDatabaseTarget(databaseUrl, { service, serviceDir }),
  });
  try {
    // Atomic: a parallel test file that built the same template first wins, ours is dropped.
    renameSync(path.join(building, service), template);
  } catch (error) {
    if (!existsSync(template)) throw error;
  }
  rmSync(building, { recursive: true, force: true });
  return template;
}

/**
 * A database for one test server, created from a template migrated once per service and
 * migration set (`CREATE DATABASE … TEMPLATE`): the PostgreSQL counterpart of the PGlite template.
 * Templates of other migration sets are dropped when a new one is built.
 */
async function createPostgresTestDatabase(serverUrl: string, service: string, serviceDir: string) {
  const prefix = `lamplight_template_${service}_`;
  const template = `${prefix}${migrationsHash(serviceDir)}`;
  const name = `test_${service}_${randomBytes(4).toString("hex")}`;
  await withConnection(serverUrl, async (client) => {
    // Parallel test files (and runs from other checkouts) build, drop and copy templates under
    // one lock, so no template is dropped between being found and being copied.
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [prefix]);
    if (!(await databaseExists(client, template))) {
      const building = `${prefix}building`;
      await dropDatabase(client, building);
      await createDatabase(client, building);
      const buildingUrl = databaseUrlFor(serverUrl, building);
      await migrateDatabase({
        serviceDir,
        databaseUrl: buildingUrl,
        target: resolveDatabaseTarget(buildingUrl, { service, serviceDir }),
      });
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [prefix],
      );
      for (const { datname } of rows) if (datname !== building) await dropDatabase(client, datname);
      await renameDatabase(client, building, template);
    }
    await createDatabase(client, name, template);
  });
  return name;
}

export async function createTestDatabase(service: string, serviceDir: string): Promise<TestDatabase> {
  const postgres = suiteDatabaseUrl();
  if (postgres) {
    const name = await createPostgresTestDatabase(postgres, service, serviceDir);
    return {
      databaseUrl: databaseUrlFor(postgres, name),
      schema: undefined,
      migrate: false,
      dispose: () => withConnection(postgres, (client) => dropDatabase(client, name)),
    };
  }
  const template = await pgliteTemplate(service, serviceDir);
  const parent = mkdtempSync(path.join(os.tmpdir(), `lamplight-${service}-`));
  cpSync(template, path.join(parent, service), { recursive: true });
  return {
    databaseUrl: `pglite:${parent}`,
    schema: undefined,
    migrate: false,
    dispose: async () => rmSync(parent, { recursive: true, force: true }),
  };
}
