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
import { dropSchema, migrateDatabase, resolveDatabaseTarget } from "@lamplight/db-kit";

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

export async function createTestDatabase(service: string, serviceDir: string): Promise<TestDatabase> {
  const postgres = suiteDatabaseUrl();
  if (postgres) {
    const schema = `test_${service}_${randomBytes(4).toString("hex")}`;
    return { databaseUrl: postgres, schema, migrate: true, dispose: () => dropSchema(postgres, schema) };
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
