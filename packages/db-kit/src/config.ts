import path from "node:path";

/** Where one service keeps its data, decided from DATABASE_URL. */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; schema: string };

export interface DatabaseTargetOptions {
  /** The service's name; it names its PostgreSQL schema and its PGlite data directory. */
  service: string;
  /** The service's package directory; the embedded default lives in `<serviceDir>/.data/pglite`. */
  serviceDir: string;
  /** Overrides the PostgreSQL schema (tests use a fresh one per run). */
  schema?: string | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads DATABASE_URL:
 * - unset or empty: embedded PGlite in `<serviceDir>/.data/pglite`;
 * - `pglite:<dir>`: embedded PGlite in `<dir>/<service>` (one directory per service);
 * - `postgres://` or `postgresql://`: PostgreSQL, in the schema named after the service, so that
 *   each subgraph's tables stay apart from every other's.
 */
export function resolveDatabaseTarget(
  databaseUrl: string | undefined,
  options: DatabaseTargetOptions,
): DatabaseTarget {
  const url = databaseUrl?.trim() ?? "";
  if (url === "") return { kind: "pglite", dataDir: path.join(options.serviceDir, ".data", "pglite") };
  if (url.startsWith("pglite:")) {
    const dir = url.slice("pglite:".length);
    if (dir === "") return { kind: "pglite", dataDir: path.join(options.serviceDir, ".data", "pglite") };
    return { kind: "pglite", dataDir: path.resolve(dir, options.service) };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const schema = options.schema ?? options.service;
    if (!SCHEMA_NAME.test(schema)) {
      throw new Error(`"${schema}" is not a valid PostgreSQL schema name (lower-case letters, digits, _)`);
    }
    return { kind: "postgres", url, schema };
  }
  throw new Error("DATABASE_URL must be empty, pglite:<dir> or postgres://…");
}

/** A description of the target that is safe to log (no password). */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite at ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.host}${url.pathname}, schema ${target.schema}`;
}
