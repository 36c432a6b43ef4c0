import { buildFederatedSchema, createAuditLogResolver } from "@lamplight/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import type { FundingContext } from "./context.js";
import { DonationResolver } from "./modules/donation/donation.resolver.js";
import { resolveFundReference } from "./modules/fund/fund.reference.js";
import { FundResolver } from "./modules/fund/fund.resolver.js";
import { Fund } from "./modules/fund/fund.type.js";
import {
  ExpenditureReportResolver,
  GrantDisbursementResolver,
  GrantResolver,
} from "./modules/grant/grant.resolver.js";
import { InKindDeliveryResolver, InKindGiftResolver } from "./modules/inkind/inkind.resolver.js";
import { JournalEntryResolver } from "./modules/journal/journal.resolver.js";
import { resolveOrganisationReference } from "./modules/organisation/organisation.reference.js";
import { OrganisationResolver } from "./modules/organisation/organisation.resolver.js";
import { Organisation } from "./modules/organisation/organisation.type.js";
import { PledgeInstalmentResolver, PledgeResolver } from "./modules/pledge/pledge.resolver.js";
import { resolveProjectReference } from "./modules/project/project.reference.js";
import { ProjectResolver } from "./modules/project/project.resolver.js";
import { Project } from "./modules/project/project.type.js";
import { resolveRegionReference } from "./modules/region/region.reference.js";
import { RegionResolver } from "./modules/region/region.resolver.js";
import { Region } from "./modules/region/region.type.js";
import { resolveSiteReference } from "./modules/site/site.reference.js";
import { SiteResolver } from "./modules/site/site.resolver.js";
import { Site } from "./modules/site/site.type.js";
import { TraceResolver } from "./modules/trace/trace.resolver.js";
import { TransparencyResolver } from "./modules/transparency/transparency.resolver.js";
import { FundingReferencesResolver } from "./references-listing.js";

export function buildFundingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        FundResolver,
        DonationResolver,
        JournalEntryResolver,
        GrantResolver,
        GrantDisbursementResolver,
        ExpenditureReportResolver,
        PledgeResolver,
        PledgeInstalmentResolver,
        InKindGiftResolver,
        InKindDeliveryResolver,
        TraceResolver,
        TransparencyResolver,
        SiteResolver,
        OrganisationResolver,
        ProjectResolver,
        RegionResolver,
        createAuditLogResolver<FundingContext>("fundingAuditLog", (context) => context.auditLog),
        FundingReferencesResolver,
      ],
      // Site and Region (sites), Organisation (people) and Project (campaigns) belong to other
      // subgraphs: this one declares their keys and adds what was given, raised and granted.
      orphanedTypes: [Fund, Site, Organisation, Region, Project],
    },
    {
      Fund: { __resolveReference: resolveFundReference },
      Site: { __resolveReference: resolveSiteReference },
      Organisation: { __resolveReference: resolveOrganisationReference },
      Region: { __resolveReference: resolveRegionReference },
      Project: { __resolveReference: resolveProjectReference },
    },
  );
}
