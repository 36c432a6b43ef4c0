import { createReferencesListingResolver } from "@lamplight/subgraph-kit";
import type { SitesContext } from "./context.js";
import { Organisation } from "./modules/organisation/organisation.type.js";

/**
 * `sitesReferences`: every organisation that applied for a home, evaluates or bid for a tender or
 * holds a contract, for the check that none dangles.
 */
export const SitesReferencesResolver = createReferencesListingResolver<SitesContext>({
  subgraph: "sites",
  entities: [
    {
      field: "organisations",
      type: Organisation,
      columns: [
        { table: "SiteApplication", column: "applicantOrganisationId" },
        { table: "TenderEvaluator", column: "organisationId" },
        { table: "Bid", column: "vendorOrganisationId" },
        { table: "Contract", column: "vendorOrganisationId" },
      ],
    },
  ],
  readerOf: (context) => context.referencedIds,
});
