import { createReferencesListingResolver } from "@lamplight/subgraph-kit";
import type { AccessServiceContext } from "./context.js";
import { OrganisationReference } from "./modules/organisation/organisation.type.js";

/** `accessReferences`: every organisation a partner key or trusted operation belongs to. */
export const AccessReferencesResolver = createReferencesListingResolver<AccessServiceContext>({
  subgraph: "access",
  entities: [
    {
      field: "organisations",
      type: OrganisationReference,
      columns: [
        { table: "ApiKey", column: "organisationId" },
        { table: "TrustedOperation", column: "organisationId" },
      ],
    },
  ],
  readerOf: (context) => context.referencedIds,
});
