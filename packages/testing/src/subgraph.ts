import { type Database, type DatabaseLimits, type PrismaLike } from "@lamplight/db-kit";
import type { EventHandlers } from "@lamplight/events";
import { createLogger, type Logger } from "@lamplight/platform";
import type { SubgraphDefinition, SubgraphEventsOptions } from "@lamplight/subgraph-kit";
import { execute, type GraphQLResponse } from "./execute.js";
import { TEST_IDENTITY_KEY } from "./identity.js";
import { createTestDatabase } from "./test-database.js";

/** A subgraph as tests start it: its definition (defineSubgraph in src/index.ts). */
export type TestableService<Client extends PrismaLike = PrismaLike> = SubgraphDefinition<Client>;

export interface StartedSubgraph<Client extends PrismaLike = PrismaLike> {
  name: string;
  url: string;
  database: Database<Client>;
  /** SQL statements sent so far on behalf of requests (for tests that forbid N+1 queries). */
  statements(): number;
  /** Its event handlers, for deliverEvents. */
  consumes: EventHandlers;
  execute<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

/** Starts a subgraph on a fresh, migrated database on a free port, as production would run it. */
export async function startSubgraph<Client extends PrismaLike>(
  service: TestableService<Client>,
  options: {
    logger?: Logger;
    /**
     * How long the server shares counts and sums between requests. Off unless a test asks: most
     * tests count the SQL one request sends, or write rows directly and read the counts back.
     */
    aggregateCacheSeconds?: number;
    /** The database's statement timeout and queue, for tests of a database under load. */
    databaseLimits?: Partial<DatabaseLimits>;
    /** How its events travel; by default it serves its feed and reads no other subgraph's. */
    events?: SubgraphEventsOptions;
    /** The subgraph's own settings, as its declaration's `settings` would give them from the environment. */
    settings?: object;
  } = {},
): Promise<StartedSubgraph<Client>> {
  const testDatabase = await createTestDatabase(service.name, service.serviceDir);
  const database = await service.open({
    databaseUrl: testDatabase.databaseUrl,
    schema: testDatabase.schema,
    migrate: testDatabase.migrate,
    ...(options.databaseLimits ? { limits: options.databaseLimits } : {}),
  });
  const logger = options.logger ?? createLogger(service.name, "silent");
  const server = await service.createServer({
    name: service.name,
    database,
    logger,
    identityKey: TEST_IDENTITY_KEY,
    aggregateCacheSeconds: options.aggregateCacheSeconds ?? 0,
    // Alone, a subgraph hears from no other: its replicas stay as the test makes them.
    events: options.events ?? { feedUrls: () => undefined },
    ...options.settings,
  });
  const running = await server.listen(0, "127.0.0.1");
  return {
    name: service.name,
    url: running.url,
    database,
    statements: () => database.statements.forRequests,
    consumes: service.consumes ?? {},
    execute: (query, variables, headers) => execute(running.url, query, variables, headers),
    async close() {
      await running.close();
      await testDatabase.dispose();
    },
  };
}
