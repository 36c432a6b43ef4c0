export { siteActivityCountLoader, siteActivityPageLoader } from "../activity/activity.loader.js";
export { siteAwardsLoader } from "../award/award.loader.js";
