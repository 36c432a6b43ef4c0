import { buildFederatedSchema, createAuditLogResolver } from "@lamplight/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import type { CampaignsContext } from "./context.js";
import { ActivityResolver, OccurrenceResolver } from "./modules/activity/activity.resolver.js";
import { AwardResolver, AwardSelectionResolver, NominationResolver } from "./modules/award/award.resolver.js";
import { Organisation } from "./modules/organisation/organisation.type.js";
import { resolveProjectReference } from "./modules/project/project.reference.js";
import { ProjectResolver } from "./modules/project/project.resolver.js";
import { Project } from "./modules/project/project.type.js";
import { resolveRegionReference } from "./modules/region/region.reference.js";
import { RegionResolver } from "./modules/region/region.resolver.js";
import { Region } from "./modules/region/region.type.js";
import { RegistrationResolver } from "./modules/registration/registration.resolver.js";
import { resolveSiteReference } from "./modules/site/site.reference.js";
import { SiteResolver } from "./modules/site/site.resolver.js";
import { Site } from "./modules/site/site.type.js";
import { Student } from "./modules/student/student.type.js";
import { resolveVolunteerReference } from "./modules/volunteer/volunteer.reference.js";
import { VolunteerResolver } from "./modules/volunteer/volunteer.resolver.js";
import { Volunteer } from "./modules/volunteer/volunteer.type.js";
import { CampaignsReferencesResolver } from "./references-listing.js";

export function buildCampaignsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ProjectResolver,
        ActivityResolver,
        OccurrenceResolver,
        RegistrationResolver,
        AwardSelectionResolver,
        NominationResolver,
        AwardResolver,
        SiteResolver,
        RegionResolver,
        VolunteerResolver,
        createAuditLogResolver<CampaignsContext>("campaignsAuditLog", (context) => context.auditLog),
        CampaignsReferencesResolver,
      ],
      // Project is this subgraph's entity. Site and Region (sites) and Volunteer (people) belong to
      // other subgraphs: this one declares their keys and adds its fields; Organisation and Student
      // are only pointed at.
      orphanedTypes: [Project, Site, Region, Volunteer, Organisation, Student],
    },
    {
      Project: { __resolveReference: resolveProjectReference },
      Site: { __resolveReference: resolveSiteReference },
      Region: { __resolveReference: resolveRegionReference },
      Volunteer: { __resolveReference: resolveVolunteerReference },
    },
  );
}
