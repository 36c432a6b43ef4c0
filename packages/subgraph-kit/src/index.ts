import "reflect-metadata";

export * from "./access/index.js";
export { aggregateLoader, type BaseContext, byKeys, Loaders } from "./context.js";
export {
  assertProductionSecrets,
  commonEnv,
  databaseLimits,
  databaseLimitsEnv,
  eventsEnv,
  identityEnv,
  misspeltVariables,
  nameUrlPairs,
  parseEnv,
  portVariable,
  subgraphAccessEnv,
  subgraphEnv,
} from "./env.js";
export { integerVariable } from "./env-integers.js";
export {
  BadUserInputError,
  ConflictError,
  ErrorCode,
  ForbiddenError,
  isClientErrorCode,
  NotFoundError,
  UnauthenticatedError,
} from "./errors.js";
export { ExpiringCache } from "./expiring-cache.js";
export {
  buildFederatedSchema,
  FEDERATION_SPEC_URL,
  type FederatedSchemaOptions,
  type ReferenceResolvers,
} from "./federation.js";
export {
  closeOnSignals,
  DEFAULT_HOST,
  DEFAULT_SHUTDOWN_GRACE_MS,
  type GraphQLHttpOptions,
  type HttpRoute,
  httpProtocolPlugin,
  type IncomingRequest,
  type RunningHttpServer,
  startGraphQLHttpServer,
} from "./http.js";
export { isUuid } from "./ids.js";
export { checkDateRange, checkedFen, checkIntegerBetween, IntegerBetween, OnOrAfter } from "./input-rules.js";
export { declareListBounds, enforceListBounds, ListBound, refuseBeyondBound } from "./list-bounds.js";
export { createLogger, type Logger } from "./logger.js";
export { errorLoggingPlugin, maskError } from "./masking.js";
export { money } from "./money.js";
export {
  Connection,
  type ConnectionResult,
  connectionFromRows,
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  type Edge,
  encodeCursor,
  MAX_PAGE_SIZE,
  type OrderKey,
  PageArgs,
  type PageableDelegate,
  PageInfo,
  type PageRequest,
  pageRequest,
  paginate,
} from "./pagination.js";
export {
  createReferencesListingResolver,
  type RawSqlClient,
  REFERENCES_PAGE_SIZE,
  type ReferencedEntity,
  ReferencedIdsReader,
  type ReferencedPage,
  ReferencePageArgs,
  type ReferencesListingOptions,
  type ReferencingColumn,
  referencedIdsSql,
} from "./references-listing.js";
export {
  Currency,
  DateScalar,
  DateTimeScalar,
  formatFen,
  Money,
  MoneyInput,
  SafeIntScalar,
} from "./scalars.js";
export { DEFAULT_AGGREGATE_CACHE_SECONDS, SharedAggregates } from "./shared-aggregates.js";
export {
  createSubgraphServer,
  type SubgraphDatabase,
  type SubgraphEventsOptions,
  type SubgraphServer,
  type SubgraphServerOptions,
} from "./subgraph-server.js";
export { type FieldProblem, fieldProblems, toBadUserInput } from "./validation.js";
