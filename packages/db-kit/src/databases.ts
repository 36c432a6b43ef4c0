import pg from "pg";

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkedName(name: string): string {
  if (!DATABASE_NAME.test(name)) throw new Error(`"${name}" is not a valid database name`);
  return `"${name}"`;
}

/** The same server and credentials as `url`, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** Runs `work` with one connection to `url`, closed afterwards. */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return rowCount !== 0;
}

/**
 * Creates a database, as a copy of `template` when given: PostgreSQL copies a migrated template
 * in a fraction of the time that migrating a new database takes.
 */
export async function createDatabase(client: pg.Client, name: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${checkedName(template)}` : "";
  await client.query(`CREATE DATABASE ${checkedName(name)}${from}`);
}

/** Drops a database even while sessions are still connected to it (test clean-up). */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${checkedName(name)} WITH (FORCE)`);
}

export async function renameDatabase(client: pg.Client, from: string, to: string): Promise<void> {
  await client.query(`ALTER DATABASE ${checkedName(from)} RENAME TO ${checkedName(to)}`);
}
