import { createReferencesListingResolver } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "./context.js";
import { Site } from "./modules/site/site.type.js";

/**
 * `peopleReferences`: every home a child attends, for the check that none dangles. (A volunteer's
 * service log names activities, which are not entities of the graph.)
 */
export const PeopleReferencesResolver = createReferencesListingResolver<PeopleContext>({
  subgraph: "people",
  entities: [{ field: "sites", type: Site, columns: [{ table: "Student", column: "siteId" }] }],
  readerOf: (context) => context.referencedIds,
});
