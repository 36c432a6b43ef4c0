import "reflect-metadata";

export * from "./access/index.js";
export { aggregateLoader, type BaseContext, byKeys, Loaders } from "./context.js";
export {
  defineSubgraph,
  type OpenSubgraphDatabaseOptions,
  type Subgraph,
  type SubgraphDeclaration,
  type SubgraphDefinition,
  type SubgraphEnv,
  type SubgraphServerDeps,
} from "./define-subgraph.js";
export {
  databaseLimits,
  databaseLimitsEnv,
  eventsEnv,
  subgraphAccessEnv,
  subgraphEnv,
} from "./env.js";
export {
  buildFederatedSchema,
  FEDERATION_SPEC_URL,
  type FederatedSchemaOptions,
  type ReferenceResolvers,
} from "./federation.js";
export { isUuid } from "./ids.js";
export { checkDateRange, checkedFen, checkIntegerBetween, IntegerBetween, OnOrAfter } from "./input-rules.js";
export { declareListBounds, enforceListBounds, ListBound, refuseBeyondBound } from "./list-bounds.js";
export { money } from "./money.js";
export {
  Connection,
  type ConnectionResult,
  connectionFromRows,
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  type Edge,
  emptyConnection,
  encodeCursor,
  MAX_PAGE_SIZE,
  type OrderKey,
  PageArgs,
  type PageableDelegate,
  PageInfo,
  type PageRequest,
  pageOfList,
  pageRequest,
  paginate,
} from "./pagination.js";
export {
  type ParentPagesQuery,
  pagesByParent,
  type RawQueryClient,
  type SqlOrderKey,
  type SqlOrderType,
} from "./parent-pages.js";
export { PartnerScope } from "./partner-scope.js";
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
  type BackgroundTask,
  createSubgraphServer,
  type SubgraphDatabase,
  type SubgraphEventsOptions,
  type SubgraphServer,
  type SubgraphServerOptions,
} from "./subgraph-server.js";
export { type FieldProblem, fieldProblems, toBadUserInput } from "./validation.js";
