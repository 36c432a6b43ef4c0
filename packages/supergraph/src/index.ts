export { CompositionError, composeSupergraph } from "./compose.js";
export { discoverSubgraphs, findWorkspaceRoot, type RegisteredSubgraph } from "./registry.js";
