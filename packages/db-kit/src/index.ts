export { type AdapterFactory, adapterFactoryFromUrl, createAdapterFactory } from "./adapter.js";
export {
  ConnectionGate,
  DatabaseBusyError,
  type DatabaseLimits,
  DEFAULT_DATABASE_LIMITS,
  RequestCancelledError,
} from "./busy.js";
export {
  type DatabaseTarget,
  type DatabaseTargetOptions,
  describeDatabaseTarget,
  resolveDatabaseTarget,
} from "./config.js";
export {
  createDatabase,
  databaseExists,
  databaseUrlFor,
  dropDatabase,
  renameDatabase,
  withConnection,
} from "./databases.js";
export { violatesUniqueConstraint } from "./errors.js";
export { type CreatedOnce, type CreateOnce, createOnce } from "./idempotency.js";
export { type MigrateOptions, migrateDatabase } from "./migrate.js";
export {
  type Database,
  type OpenDatabaseOptions,
  openDatabase,
  type PrismaLike,
  TRANSACTION_OPTIONS,
} from "./open.js";
export { servicePrismaConfig } from "./prisma-config.js";
export { countStatements, StatementCounter } from "./statements.js";
export { vacuumAnalyzeSchema } from "./vacuum.js";
