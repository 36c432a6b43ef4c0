export { CompositionError, composeSupergraph } from "./compose.js";
export { firstPartyOperations, parseExportedOperations } from "./operation-sources.js";
export {
  checkReferences,
  discoverListings,
  formatReferenceCheck,
  OWNED_FIELD,
  type ReferenceCheckOptions,
  type ReferenceCheckRow,
} from "./reference-check.js";
export { discoverSubgraphs, findWorkspaceRoot, type RegisteredSubgraph } from "./registry.js";
export {
  apiSchemaSdl,
  type ChangeLevel,
  checkSchemaChange,
  coordinatesUsed,
  type DeprecatedUse,
  formatSchemaCheck,
  type InvalidOperation,
  type RegisteredOperation,
  type SchemaChange,
  type SchemaCheckReport,
} from "./schema-check.js";
