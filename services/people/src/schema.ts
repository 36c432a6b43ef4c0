import { buildFederatedSchema, createAuditLogResolver } from "@lamplight/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import type { PeopleContext } from "./context.js";
import { AllianceResolver } from "./modules/alliance/alliance.resolver.js";
import {
  CareRecordResolver,
  PairingCheckInResolver,
  StudentCareResolver,
} from "./modules/care/care.resolver.js";
import { FamilyResolver, GuardianResolver } from "./modules/family/family.resolver.js";
import { MatchingResolver } from "./modules/matching/matching.resolver.js";
import { resolveOrganisationReference } from "./modules/organisation/organisation.reference.js";
import { OrganisationResolver } from "./modules/organisation/organisation.resolver.js";
import { Organisation } from "./modules/organisation/organisation.type.js";
import { PairingResolver, StudentPairingResolver } from "./modules/pairing/pairing.resolver.js";
import { resolveRegionReference } from "./modules/region/region.reference.js";
import { RegionResolver } from "./modules/region/region.resolver.js";
import { Region } from "./modules/region/region.type.js";
import { resolveSiteReference } from "./modules/site/site.reference.js";
import { SiteResolver } from "./modules/site/site.resolver.js";
import { Site } from "./modules/site/site.type.js";
import { resolveStudentReference } from "./modules/student/student.reference.js";
import { StudentResolver } from "./modules/student/student.resolver.js";
import { Student } from "./modules/student/student.type.js";
import { resolveVolunteerReference } from "./modules/volunteer/volunteer.reference.js";
import { VolunteerResolver } from "./modules/volunteer/volunteer.resolver.js";
import { Volunteer } from "./modules/volunteer/volunteer.type.js";
import { PeopleReferencesResolver } from "./references-listing.js";

export function buildPeopleSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        OrganisationResolver,
        AllianceResolver,
        StudentResolver,
        FamilyResolver,
        GuardianResolver,
        StudentCareResolver,
        CareRecordResolver,
        VolunteerResolver,
        PairingResolver,
        StudentPairingResolver,
        PairingCheckInResolver,
        MatchingResolver,
        SiteResolver,
        RegionResolver,
        createAuditLogResolver<PeopleContext>("peopleAuditLog", (context) => context.auditLog),
        PeopleReferencesResolver,
      ],
      // Site and Region belong to the sites subgraph; this one declares their keys and adds fields.
      orphanedTypes: [Organisation, Student, Volunteer, Site, Region],
    },
    {
      Organisation: { __resolveReference: resolveOrganisationReference },
      Student: { __resolveReference: resolveStudentReference },
      Volunteer: { __resolveReference: resolveVolunteerReference },
      Site: { __resolveReference: resolveSiteReference },
      Region: { __resolveReference: resolveRegionReference },
    },
  );
}
