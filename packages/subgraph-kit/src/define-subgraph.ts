import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSubgraphSchema } from "@apollo/subgraph";
import {
  type AdapterFactory,
  type Database,
  type DatabaseLimits,
  describeDatabaseTarget,
  openDatabase,
  type PrismaLike,
  TRANSACTION_OPTIONS,
} from "@lamplight/db-kit";
import type { EventHandlers } from "@lamplight/events";
import {
  assertProductionSecrets,
  closeOnSignals,
  createLogger,
  identityKey,
  type Logger,
  parseEnv,
} from "@lamplight/platform";
import type { GraphQLSchema } from "graphql";
import type { z } from "zod";
import { databaseLimits, subgraphEnv } from "./env.js";
import type { SubgraphEventsOptions, SubgraphServer } from "./subgraph-server.js";

/** What a subgraph's `createServer` is given, by its entry point and by the test harness alike. */
export interface SubgraphServerDeps<Client extends PrismaLike> {
  /** The subgraph's name in the supergraph (its package.json registration). */
  name: string;
  database: Database<Client>;
  logger: Logger;
  /** Verifies the gateway's identity header: without the right key every caller is the public. */
  identityKey: Uint8Array;
  /** How its events travel (NATS or the feeds); without, it serves its own feed and consumes nothing. */
  events?: SubgraphEventsOptions;
  suppressionThreshold?: number;
  aggregateCacheSeconds?: number;
}

export interface OpenSubgraphDatabaseOptions {
  databaseUrl: string | undefined;
  /** PostgreSQL schema override (tests); defaults to the subgraph's name. */
  schema?: string | undefined;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  limits?: Partial<DatabaseLimits>;
}

/** A subgraph as the rest of the house uses it: the entry point, the test harness, the seed scripts. */
export interface SubgraphDefinition<Client extends PrismaLike = PrismaLike> {
  name: string;
  /** The port it listens on unless PORT says otherwise (its package.json registration). */
  port: number;
  /** The package directory: package.json, prisma.config.ts, the migrations, the embedded data. */
  serviceDir: string;
  /** What it does with other subgraphs' events. */
  consumes?: EventHandlers;
  /** Opens (and by default migrates) its own database. */
  open(options: OpenSubgraphDatabaseOptions): Promise<Database<Client>>;
  createServer(deps: SubgraphServerDeps<Client>): Promise<SubgraphServer>;
}

/** The settings every subgraph has (subgraphEnv). */
export type CommonSubgraphEnv = z.infer<z.ZodObject<ReturnType<typeof subgraphEnv>>>;
/** Every subgraph's settings, and the subgraph's own. */
export type SubgraphEnv<Extra extends z.ZodRawShape = Record<never, never>> = CommonSubgraphEnv &
  z.infer<z.ZodObject<Extra>>;

export interface SubgraphDeclaration<
  Client extends PrismaLike,
  Extra extends z.ZodRawShape,
  Deps extends SubgraphServerDeps<Client>,
> {
  /** `import.meta.url` of the declaring module (src/index.ts): the package is the folder above. */
  module: string;
  /** `(adapter, transactionOptions) => new PrismaClient({ adapter, transactionOptions })`. */
  createClient(adapter: AdapterFactory, transactionOptions: typeof TRANSACTION_OPTIONS): Client;
  /** The federated schema (the one it serves and the one `emit-schema` prints). */
  buildSchema(): Promise<GraphQLSchema>;
  /** Its server; anything it takes beyond SubgraphServerDeps is optional, with a default. */
  createServer(deps: Deps): Promise<SubgraphServer>;
  consumes?: EventHandlers;
  /** Settings of its own, beside those every subgraph has (subgraphEnv). */
  env?: Extra;
  /** What `createServer` is given of its own settings, besides the common ones. */
  settings?(env: SubgraphEnv<Extra>): Omit<Deps, keyof SubgraphServerDeps<Client>>;
  /**
   * The demo data a new embedded database starts with, so a first start shows real-looking data.
   * Never on PostgreSQL: there, `pnpm seed` is an explicit step.
   */
  demoData?: {
    /** What it is, for the log line: e.g. "the demo projects, activities and awards". */
    description: string;
    isEmpty(client: Client): Promise<boolean>;
    load(client: Client): Promise<object>;
    /** It holds a published secret (a demo key): never loaded with NODE_ENV=production. */
    outsideProductionOnly?: boolean;
  };
}

/** A defined subgraph: its definition, and the commands its entry module runs. */
export interface Subgraph<Client extends PrismaLike, Extra extends z.ZodRawShape>
  extends SubgraphDefinition<Client> {
  /** The environment, parsed (once) against every subgraph's settings and its own. */
  env(): SubgraphEnv<Extra>;
  buildSchema(): Promise<GraphQLSchema>;
  /** Writes schema.graphql, the SDL `pnpm compose` reads (committed, checked in CI). */
  emitSchema(): Promise<string>;
  /** Reads the environment, opens the database (with the demo data if new), listens until a signal. */
  start(): Promise<void>;
}

interface Registration {
  name: string;
  lamplight?: { subgraph?: string; port?: number };
}

/** The subgraph's name and port, from its package.json: the one place they are declared. */
function readRegistration(serviceDir: string): { name: string; port: number } {
  const manifestPath = path.join(serviceDir, "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Registration;
  const { subgraph, port } = manifest.lamplight ?? {};
  if (!subgraph || !port) {
    throw new Error(`${manifestPath} has no "lamplight": { "subgraph", "port" } registration`);
  }
  return { name: subgraph, port };
}

/**
 * Declares a subgraph once; its entry point, test harness, seed scripts and schema emitter all
 * come from the declaration. Run as a program (`node dist/subgraph.js [start|emit-schema]`, or
 * `tsx watch src/subgraph.ts`), the declaring module starts the subgraph or prints its schema;
 * imported, it only declares.
 */
export function defineSubgraph<
  Client extends PrismaLike,
  Extra extends z.ZodRawShape = Record<never, never>,
  Deps extends SubgraphServerDeps<Client> = SubgraphServerDeps<Client>,
>(declaration: SubgraphDeclaration<Client, Extra, Deps>): Subgraph<Client, Extra> {
  const modulePath = fileURLToPath(declaration.module);
  // src/subgraph.ts, or dist/subgraph.js once built: the package is one folder up.
  const serviceDir = path.resolve(path.dirname(modulePath), "..");
  const { name, port } = readRegistration(serviceDir);
  let parsedEnv: SubgraphEnv<Extra> | undefined;

  const subgraph: Subgraph<Client, Extra> = {
    name,
    port,
    serviceDir,
    ...(declaration.consumes ? { consumes: declaration.consumes } : {}),
    open: (options) =>
      openDatabase({
        service: name,
        serviceDir,
        ...options,
        createClient: (adapter) => declaration.createClient(adapter, TRANSACTION_OPTIONS),
      }),
    // What Deps adds to SubgraphServerDeps is optional (the declaration says so): tests start a
    // subgraph with the common deps and its defaults.
    createServer: (deps) => declaration.createServer(deps as Deps),
    buildSchema: () => declaration.buildSchema(),
    env() {
      if (!parsedEnv) {
        parsedEnv = parseEnv({ ...subgraphEnv(port), ...declaration.env }) as SubgraphEnv<Extra>;
        assertProductionSecrets(parsedEnv);
      }
      return parsedEnv;
    },
    async emitSchema() {
      const schemaPath = path.join(serviceDir, "schema.graphql");
      const schema = await declaration.buildSchema();
      writeFileSync(schemaPath, `${printSubgraphSchema(schema).trim()}\n`);
      return schemaPath;
    },
    async start() {
      const env = subgraph.env();
      const logger = createLogger(name, env.LOG_LEVEL);
      const database = await subgraph.open({
        databaseUrl: env.DATABASE_URL,
        schema: env.DATABASE_SCHEMA,
        limits: databaseLimits(env),
      });
      logger.info({ database: describeDatabaseTarget(database.target) }, "database migrated and connected");
      await loadDemoDataIfEmpty(declaration, database, env, logger);
      const server = await subgraph.createServer({
        name,
        database,
        logger,
        identityKey: identityKey(env.IDENTITY_SIGNING_KEY),
        events: { natsUrl: env.NATS_URL, natsNamespace: env.NATS_NAMESPACE, feedUrls: env.EVENT_FEED_URLS },
        suppressionThreshold: env.SUPPRESSION_THRESHOLD,
        aggregateCacheSeconds: env.AGGREGATE_CACHE_SECONDS,
        ...declaration.settings?.(env),
      } as SubgraphServerDeps<Client>);
      const running = await server.listen(env.PORT, env.HOST);
      closeOnSignals(running, logger, { graceMs: env.SHUTDOWN_GRACE_MS });
      logger.info({ url: running.url }, `${name} subgraph ready`);
    },
  };

  if (isProgram(modulePath)) {
    // After the declaring module has finished evaluating: its other exports exist by then.
    setImmediate(() => {
      runCommand(subgraph, process.argv[2]).catch((error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      });
    });
  }
  return subgraph;
}

async function loadDemoDataIfEmpty<Client extends PrismaLike, Extra extends z.ZodRawShape>(
  declaration: SubgraphDeclaration<Client, Extra, SubgraphServerDeps<Client>>,
  database: Database<Client>,
  env: SubgraphEnv<Extra>,
  logger: Logger,
): Promise<void> {
  const { demoData } = declaration;
  if (!demoData || !env.SEED_ON_EMPTY || database.target.kind !== "pglite") return;
  if (demoData.outsideProductionOnly && env.NODE_ENV === "production") return;
  if (!(await demoData.isEmpty(database.client))) return;
  const started = Date.now();
  const loaded = await demoData.load(database.client);
  logger.info(
    { demoData: demoData.description, ...loaded, ms: Date.now() - started },
    "loaded demo data into the empty embedded database",
  );
}

/** Whether the declaring module is the program Node.js was asked to run. */
function isProgram(modulePath: string): boolean {
  const program = process.argv[1];
  if (!program) return false;
  try {
    return realpathSync(path.resolve(program)) === realpathSync(modulePath);
  } catch {
    return false;
  }
}

async function runCommand(subgraph: Subgraph<PrismaLike, z.ZodRawShape>, command = "start"): Promise<void> {
  if (command === "start") return subgraph.start();
  if (command === "emit-schema") {
    process.stdout.write(`wrote ${path.relative(process.cwd(), await subgraph.emitSchema())}\n`);
    return;
  }
  throw new Error(`unknown command "${command}": start (the default) or emit-schema`);
}
