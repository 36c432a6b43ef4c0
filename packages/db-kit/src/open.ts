import type { AdapterFactory } from "./adapter.js";
import { createAdapterFactory } from "./adapter.js";
import type { DatabaseLimits } from "./busy.js";
import { type DatabaseTarget, resolveDatabaseTarget } from "./config.js";
import { migrateDatabase } from "./migrate.js";
import { countStatements, StatementCounter } from "./statements.js";

/**
 * Every service's interactive transactions (`prisma.$transaction(async (tx) => …)`). Prisma's
 * defaults (2 s to start, 5 s to finish) fail sound writes on a busy machine: the embedded
 * database has one connection, so a transaction waits for whatever runs before it. A transaction
 * that needs longer than this is a design error, not load.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** The parts of a generated PrismaClient that db-kit relies on. */
export interface PrismaLike {
  $connect(): Promise<void>;
  $disconnect(): Promise<void>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface OpenDatabaseOptions<Client extends PrismaLike> {
  service: string;
  serviceDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL schema override (tests). */
  schema?: string | undefined;
  /** Statement timeout and the embedded database's queue (defaults: DEFAULT_DATABASE_LIMITS). */
  limits?: Partial<DatabaseLimits>;
  /** Apply pending migrations with `prisma migrate deploy` first (default true). */
  migrate?: boolean;
  /**
   * `(adapter) => new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS })` with the
   * service's generated client.
   */
  createClient: (adapter: AdapterFactory) => Client;
}

export interface Database<Client extends PrismaLike> {
  client: Client;
  target: DatabaseTarget;
  /** Every SQL statement the client has sent. */
  statements: StatementCounter;
  /** Rejects when the database does not answer. */
  ping(): Promise<void>;
  /** Calls `listener` at each NOTIFY on `channel` from this database (its schema); resolves to an unlisten. */
  listen(channel: string, listener: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Migrates (unless told not to) and connects one service's Prisma client to its database;
 * resolves once the database has answered a statement.
 */
export async function openDatabase<Client extends PrismaLike>(
  options: OpenDatabaseOptions<Client>,
): Promise<Database<Client>> {
  const target = resolveDatabaseTarget(options.databaseUrl, options);
  if (options.migrate ?? true) {
    await migrateDatabase({ serviceDir: options.serviceDir, databaseUrl: options.databaseUrl, target });
  }
  const statements = new StatementCounter();
  const factory = createAdapterFactory(target, options.limits);
  const client = options.createClient(countStatements(factory, statements));
  await client.$connect();
  // `$connect` does not start the embedded engine: PGlite boots its WebAssembly PostgreSQL on the
  // first statement, about 2 s on an idle machine and many times that on a loaded one. Paid by a
  // freshly started subgraph's first request, it outlasted the gateway's subgraph deadline and
  // the request failed. The database answers one statement before the service may listen.
  await client.$queryRawUnsafe("SELECT 1");
  return {
    client,
    target,
    statements,
    async ping() {
      await client.$queryRawUnsafe("SELECT 1");
    },
    listen: (channel, listener) => factory.listen?.(channel, listener) ?? Promise.resolve(async () => {}),
    close: () => client.$disconnect(),
  };
}
