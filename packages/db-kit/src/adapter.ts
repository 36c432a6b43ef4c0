import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { ConnectionGate, type DatabaseLimits, DEFAULT_DATABASE_LIMITS, guardAdapter } from "./busy.js";
import { type DatabaseTarget, type DatabaseTargetOptions, resolveDatabaseTarget } from "./config.js";

/**
 * A driver-adapter factory as Prisma's client and CLI (migrations) accept it. The PostgreSQL and
 * PGlite adapters are built against other releases of Prisma's adapter interface than the client:
 * the protocol is the same at run time, but the declared types differ, so they are cast once here.
 */
export type AdapterFactory = SqlDriverAdapterFactory & {
  connectToShadowDb(): ReturnType<SqlDriverAdapterFactory["connect"]>;
  /** Calls `listener` at each NOTIFY on `channel` from this service's schema; resolves to an unlisten. */
  listen?(channel: string, listener: () => void): Promise<() => Promise<void>>;
};

// PGlite is one process's private database: two instances on one directory would corrupt it.
// The Prisma CLI asks for the adapter more than once, so instances are shared per directory.
const openPGlites = new Map<string, PGlite>();

function openPGlite(dataDir: string): PGlite {
  const existing = openPGlites.get(dataDir);
  if (existing && !existing.closed) return existing;
  mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  openPGlites.set(dataDir, pglite);
  return pglite;
}

/**
 * The Prisma driver-adapter factory for a target. The same factory serves the service at run
 * time and the Prisma CLI (migrations), so the embedded default and PostgreSQL run the same code.
 */
export function createAdapterFactory(
  target: DatabaseTarget,
  limits: Partial<DatabaseLimits> = {},
): AdapterFactory {
  const { statementTimeoutMs, queueMax, queueWaitMs } = { ...DEFAULT_DATABASE_LIMITS, ...limits };
  if (target.kind === "pglite") {
    const pglite = openPGlite(target.dataDir);
    // One connection: a slow request must not stall everyone behind it, so waiters are bounded.
    const gate = new ConnectionGate({ queueMax, queueWaitMs });
    return withOwnScripts(new PrismaPGlite(pglite) as unknown as AdapterFactory, {
      gate,
      listen: async (channel, listener) => {
        const unlisten = await pglite.listen(channel, () => listener());
        return () => unlisten();
      },
      run: async (script) => {
        await pglite.exec(script);
      },
      close: async () => {
        if (!pglite.closed) await pglite.close();
      },
    });
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    // Unqualified names (migrations, raw SQL) resolve in the service's own schema only.
    // A statement nobody waits for any more is cancelled by the server (SQLSTATE 57014).
    options: `-c search_path=${target.schema} -c statement_timeout=${Math.max(0, Math.trunc(statementTimeoutMs))}`,
    max: 10,
    idleTimeoutMillis: 30_000,
    // Idle connections must not keep a process alive: the Prisma CLI never closes its pool.
    allowExitOnIdle: true,
  });
  // An idle connection the server ends (a restart, a dropped database) is an 'error' event on the
  // pool; unhandled, it would end the process. The pool drops that connection and opens another.
  pool.on("error", (error) => process.emitWarning(`idle PostgreSQL connection lost: ${error.message}`));
  return withOwnScripts(new PrismaPg(pool, { schema: target.schema }) as unknown as AdapterFactory, {
    run: async (script) => {
      await pool.query(script);
    },
    listen: (channel, listener) => listenOnPostgres(target, channel, listener),
    close: () => pool.end(),
  });
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to others). Every service's
 * schema shares one database, so a notification counts only when its payload names this schema.
 * A lost connection is opened again; listeners are woken meanwhile by their own fallback polls.
 */
async function listenOnPostgres(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  channel: string,
  listener: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  const open = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: target.url });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload === target.schema) listener();
    });
    next.on("error", () => {
      void next.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void open().catch(() => undefined), 1_000).unref();
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replaceAll('"', "")}"`);
    client = next;
  };
  await open();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}

/**
 * Both adapters run migration scripts badly: PGlite's executeScript() does not wait for the script
 * (a failing migration is reported as applied), and the PostgreSQL one splits scripts at every
 * semicolon (breaking function bodies). Scripts run here whole, through the simple query
 * protocol instead. The database is closed when the last connection is disposed, so the Prisma
 * CLI exits and a stopping service flushes its data.
 */
function withOwnScripts(
  factory: AdapterFactory,
  database: {
    run: (script: string) => Promise<void>;
    close: () => Promise<void>;
    listen: NonNullable<AdapterFactory["listen"]>;
    gate?: ConnectionGate;
  },
): AdapterFactory {
  let open = 0;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connectToShadowDb: () => factory.connectToShadowDb(),
    listen: database.listen,
    async connect() {
      const connected = await factory.connect();
      const adapter = guardAdapter(connected, database.gate);
      open += 1;
      let disposed = false;
      return Object.assign(Object.create(adapter) as typeof adapter, {
        executeScript: database.run,
        async dispose() {
          if (disposed) return;
          disposed = true;
          await adapter.dispose();
          open -= 1;
          if (open === 0) await database.close();
        },
      });
    },
  };
}

/** DATABASE_URL → the Prisma driver-adapter factory for one service (see resolveDatabaseTarget). */
export function adapterFactoryFromUrl(
  databaseUrl: string | undefined,
  options: DatabaseTargetOptions,
  limits: Partial<DatabaseLimits> = {},
): AdapterFactory {
  return createAdapterFactory(resolveDatabaseTarget(databaseUrl, options), limits);
}
