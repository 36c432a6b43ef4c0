export {
  ATTENDING_A_HOME,
  DEMO_CHILD_CHUNK,
  DEMO_STUDENT_COUNT,
  type DemoChild,
  demoChildren,
  demoChildSource,
} from "./demo-children.js";
export {
  type DemoFacilities,
  type DemoFacility,
  type DemoMobileLibrary,
  demoFacilities,
  FacilityKind,
  MOBILE_LIBRARY_ROUTE_LENGTH,
  SPORTS_CENTRE_NAME,
  TRAINING_BASE_NAME,
} from "./demo-facilities.js";
export {
  DEMO_HOME_COUNT,
  DEMO_SEED,
  DEMONSTRATION_CITY,
  DEMONSTRATION_CITY_SITES,
  type DemoHome,
  demoHomes,
  HostModel,
  OTHER_DEMONSTRATION_SITES,
  SiteStatus,
} from "./demo-homes.js";
export {
  DEMO_ALLIANCE_COUNT,
  DEMO_ORGANISATION_SEED,
  type DemoOrganisation,
  demoOrganisations,
  GOVERNMENT_MEMBER_UNITS,
  OrganisationKind,
} from "./demo-organisations.js";
export { DEMO_PARTNER_OPERATIONS } from "./demo-partner-operations.js";
export {
  DEMO_PARTNER_KEY_ID,
  DEMO_PARTNER_ORGANISATION,
  DEMO_PROJECTS,
  DEMO_VOLUNTEER_ID,
  type DemoProject,
  demoPartnerKeySecret,
} from "./demo-references.js";
export { DEMO_PARTNER_KEY, DEMO_USERS } from "./demo-users.js";
export {
  DEMO_VOLUNTEER_COUNT,
  type DemoVolunteer,
  demoVolunteerSource,
  demoVolunteers,
  VolunteerKind,
  VolunteerStatus,
} from "./demo-volunteers.js";
export { personName, placeName, surname } from "./names.js";
export { chunks, Random } from "./random.js";
export { MAX_HOMES, type Scale, type ScaleName, scaleFromArgs, scaleOf } from "./scale.js";
