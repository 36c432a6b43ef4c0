export {
  announceOrganisations,
  announceProjects,
  announceSites,
  announceStudents,
  announceVolunteers,
  deliverEvents,
  type ProducedEvent,
  siteFactsOf,
} from "./events.js";
export { entities, execute, expectNotFoundAt, type GraphQLResponse } from "./execute.js";
export { bearerHeaders, identityHeaders, principal, TEST_IDENTITY_KEY } from "./identity.js";
export { type StartedSubgraph, startSubgraph, type TestableService } from "./subgraph.js";
export { createTestDatabase, suiteDatabaseUrl, type TestDatabase } from "./test-database.js";
