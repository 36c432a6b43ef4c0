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
  DEMO_PARTNER_ORGANISATION,
  DEMO_PROJECTS,
  DEMO_VOLUNTEER_ID,
  type DemoProject,
  demoPartnerKeySecret,
} from "./demo-references.js";
export { personName, placeName, surname } from "./names.js";
export { chunks, Random } from "./random.js";
export { MAX_HOMES, type Scale, type ScaleName, scaleFromArgs, scaleOf } from "./scale.js";
