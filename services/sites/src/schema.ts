import { buildFederatedSchema, createAuditLogResolver } from "@lamplight/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import type { SitesContext } from "./context.js";
import { ApplicationResolver, SiteApplicationResolver } from "./modules/application/application.resolver.js";
import {
  AssessmentResolver,
  ExcellentHomeResolver,
  RankedHomeResolver,
  SiteAssessmentResolver,
} from "./modules/assessment/assessment.resolver.js";
import { CoverageResolver, RegionNeedResolver } from "./modules/coverage/coverage.resolver.js";
import {
  EquipmentResolver,
  InventoryLineResolver,
  MissingEquipmentResolver,
  SiteEquipmentResolver,
} from "./modules/equipment/equipment.resolver.js";
import { FacilityResolver } from "./modules/facility/facility.resolver.js";
import { Organisation } from "./modules/organisation/organisation.type.js";
import {
  ProcurementOrderResolver,
  ShipmentLineResolver,
  ShipmentResolver,
} from "./modules/procurement/procurement.resolver.js";
import { resolveRegionReference } from "./modules/region/region.reference.js";
import { RegionResolver } from "./modules/region/region.resolver.js";
import { Region } from "./modules/region/region.type.js";
import { resolveSiteReference } from "./modules/site/site.reference.js";
import { SiteResolver } from "./modules/site/site.resolver.js";
import { Site } from "./modules/site/site.type.js";
import {
  BidResolver,
  BidScoreResolver,
  ContractResolver,
  CriterionScoreResolver,
  RankedBidResolver,
  TenderEvaluatorResolver,
  TenderLotResolver,
  TenderResolver,
} from "./modules/tender/tender.resolver.js";
import { TransitionResolver } from "./modules/transition/transition.resolver.js";
import { SitesReferencesResolver } from "./references-listing.js";

export function buildSitesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        SiteResolver,
        RegionResolver,
        TransitionResolver,
        ApplicationResolver,
        SiteApplicationResolver,
        TenderResolver,
        TenderEvaluatorResolver,
        TenderLotResolver,
        BidResolver,
        BidScoreResolver,
        CriterionScoreResolver,
        RankedBidResolver,
        ContractResolver,
        EquipmentResolver,
        InventoryLineResolver,
        MissingEquipmentResolver,
        SiteEquipmentResolver,
        ProcurementOrderResolver,
        ShipmentResolver,
        ShipmentLineResolver,
        AssessmentResolver,
        RankedHomeResolver,
        ExcellentHomeResolver,
        SiteAssessmentResolver,
        CoverageResolver,
        RegionNeedResolver,
        FacilityResolver,
        createAuditLogResolver<SitesContext>("sitesAuditLog", (context) => context.auditLog),
        SitesReferencesResolver,
      ],
      orphanedTypes: [Site, Region, Organisation],
    },
    {
      Site: { __resolveReference: resolveSiteReference },
      Region: { __resolveReference: resolveRegionReference },
    },
  );
}
