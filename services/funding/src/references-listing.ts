import { createReferencesListingResolver } from "@lamplight/subgraph-kit";
import type { FundingContext } from "./context.js";
import { Organisation } from "./modules/organisation/organisation.type.js";
import { Project } from "./modules/project/project.type.js";
import { Site } from "./modules/site/site.type.js";

/**
 * `fundingReferences`: every home, donor organisation and project that gifts, pools, grants,
 * pledges and gifts in kind name, for the check that none dangles. The replicas are left out: they
 * are what the owners told funding, not references of funding's own.
 */
export const FundingReferencesResolver = createReferencesListingResolver<FundingContext>({
  subgraph: "funding",
  entities: [
    {
      field: "sites",
      type: Site,
      columns: [
        { table: "Donation", column: "siteId" },
        { table: "Designation", column: "siteId" },
        { table: "Grant", column: "siteId" },
        { table: "Pledge", column: "siteId" },
        { table: "InKindDelivery", column: "siteId" },
      ],
    },
    {
      field: "organisations",
      type: Organisation,
      columns: [
        { table: "Donation", column: "donorOrganisationId" },
        { table: "Pledge", column: "donorOrganisationId" },
        { table: "InKindGift", column: "donorOrganisationId" },
      ],
    },
    {
      field: "projects",
      type: Project,
      columns: [
        { table: "Donation", column: "projectId" },
        { table: "Designation", column: "projectId" },
        { table: "Grant", column: "projectId" },
        { table: "Pledge", column: "projectId" },
      ],
    },
  ],
  readerOf: (context) => context.referencedIds,
});
