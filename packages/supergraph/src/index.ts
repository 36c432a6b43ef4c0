export { CompositionError, composeSupergraph } from "./compose.js";
export {
  checkReferences,
  discoverListings,
  formatReferenceCheck,
  OWNED_FIELD,
  type ReferenceCheckOptions,
  type ReferenceCheckRow,
} from "./reference-check.js";
export { discoverSubgraphs, findWorkspaceRoot, type RegisteredSubgraph } from "./registry.js";
