export { entities, execute, type GraphQLResponse } from "./execute.js";
export { type StartedGraph, startGraph } from "./graph.js";
export { type StartedSubgraph, startSubgraph, type TestableService } from "./subgraph.js";
export { createTestDatabase, suiteDatabaseUrl, type TestDatabase } from "./test-database.js";
