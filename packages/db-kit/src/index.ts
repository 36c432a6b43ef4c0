import { type AdapterFactory, createAdapterFactory } from "./adapter.js";
import { type DatabaseTargetOptions, resolveDatabaseTarget } from "./config.js";

export { type AdapterFactory, createAdapterFactory } from "./adapter.js";
export {
  type DatabaseTarget,
  type DatabaseTargetOptions,
  describeDatabaseTarget,
  resolveDatabaseTarget,
} from "./config.js";
export { dropSchema, ensureSchema, type MigrateOptions, migrateDatabase } from "./migrate.js";
export { countStatements, StatementCounter } from "./statements.js";

/** DATABASE_URL → the Prisma driver-adapter factory for one service (see resolveDatabaseTarget). */
export function adapterFactoryFromUrl(
  databaseUrl: string | undefined,
  options: DatabaseTargetOptions,
): AdapterFactory {
  return createAdapterFactory(resolveDatabaseTarget(databaseUrl, options));
}
export { violatesUniqueConstraint } from "./errors.js";
export { type Database, type OpenDatabaseOptions, openDatabase, type PrismaLike } from "./open.js";
