export {
  siteActivityCountLoader,
  siteActivityPageLoader,
  siteOccurrenceCountLoader,
  siteOccurrencePageLoader,
} from "../activity/activity.loader.js";
export { siteAwardsLoader } from "../award/award.loader.js";
