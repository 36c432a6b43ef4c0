import { buildFederatedSchema, createAuditLogResolver } from "@lamplight/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import type { FundingContext } from "./context.js";
import { DonationResolver } from "./modules/donation/donation.resolver.js";
import { resolveFundReference } from "./modules/fund/fund.reference.js";
import { FundResolver } from "./modules/fund/fund.resolver.js";
import { Fund } from "./modules/fund/fund.type.js";
import { JournalEntryResolver } from "./modules/ledger/journal.resolver.js";
import { resolveOrganisationReference } from "./modules/organisation/organisation.reference.js";
import { OrganisationResolver } from "./modules/organisation/organisation.resolver.js";
import { Organisation } from "./modules/organisation/organisation.type.js";
import { Region } from "./modules/region/region.type.js";
import { resolveSiteReference } from "./modules/site/site.reference.js";
import { SiteResolver } from "./modules/site/site.resolver.js";
import { Site } from "./modules/site/site.type.js";

export function buildFundingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        FundResolver,
        DonationResolver,
        JournalEntryResolver,
        SiteResolver,
        OrganisationResolver,
        createAuditLogResolver<FundingContext>("fundingAuditLog", (context) => context.auditLog),
      ],
      // Site (sites) and Organisation (people) belong to other subgraphs: this one declares their
      // keys and adds what was given; Region is only pointed at.
      orphanedTypes: [Fund, Site, Organisation, Region],
    },
    {
      Fund: { __resolveReference: resolveFundReference },
      Site: { __resolveReference: resolveSiteReference },
      Organisation: { __resolveReference: resolveOrganisationReference },
    },
  );
}
