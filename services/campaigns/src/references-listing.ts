import { createReferencesListingResolver } from "@lamplight/subgraph-kit";
import type { CampaignsContext } from "./context.js";
import { Organisation } from "./modules/organisation/organisation.type.js";
import { Site } from "./modules/site/site.type.js";
import { Student } from "./modules/student/student.type.js";
import { Volunteer } from "./modules/volunteer/volunteer.type.js";

/**
 * `campaignsReferences`: every child, volunteer, home and organisation campaigns names, for the
 * check that none dangles. The homes replica (`Home`) is left out: it is what sites told campaigns,
 * not a reference of campaigns' own.
 */
export const CampaignsReferencesResolver = createReferencesListingResolver<CampaignsContext>({
  subgraph: "campaigns",
  entities: [
    {
      field: "students",
      type: Student,
      columns: [
        { table: "Registration", column: "studentId" },
        { table: "Nomination", column: "studentId" },
      ],
    },
    {
      field: "volunteers",
      type: Volunteer,
      columns: [
        { table: "Registration", column: "volunteerId" },
        { table: "Nomination", column: "volunteerId" },
      ],
    },
    {
      field: "sites",
      type: Site,
      columns: [
        { table: "ActivityHome", column: "siteId" },
        { table: "Registration", column: "homeId" },
        { table: "Nomination", column: "siteId" },
      ],
    },
    {
      field: "organisations",
      type: Organisation,
      columns: [
        { table: "Project", column: "ownerOrganisationId" },
        { table: "Activity", column: "organiserOrganisationId" },
        { table: "Nomination", column: "organisationId" },
        { table: "Nomination", column: "nominatorOrganisationId" },
      ],
    },
  ],
  readerOf: (context) => context.referencedIds,
});
