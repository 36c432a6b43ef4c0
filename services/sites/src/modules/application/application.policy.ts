import { getRegion } from "@lamplight/regions";
import { ForbiddenError, type Principal } from "@lamplight/subgraph-kit";
import { actorLevel } from "../transition/transition.policy.js";
import type { ReviewLevel } from "./application.type.js";

/** A review at a level is made by an official of that level whose region covers the home. */
export function assertMayReviewAt(principal: Principal, level: ReviewLevel, regionCode: string): void {
  const levels: ReviewLevel[] = [];
  const highest = actorLevel(principal, regionCode);
  if (!highest) {
    const name = getRegion(regionCode)?.name ?? regionCode;
    throw new ForbiddenError(`${name} (${regionCode}) is outside your region`, { regionCode });
  }
  if (principal.roles.includes("PROVINCE_ADMIN")) levels.push("PROVINCE");
  if (principal.roles.includes("CITY_ADMIN") && highest !== null) levels.push("CITY");
  if (principal.roles.includes("COUNTY_OFFICER") && highest !== null) levels.push("COUNTY");
  if (!levels.includes(level)) {
    throw new ForbiddenError(`Only an official of the ${level.toLowerCase()} level reviews for it`, {
      level,
    });
  }
}

/** The order reviews are made in: each level after the one below has approved. */
export const REVIEW_ORDER: readonly ReviewLevel[] = ["COUNTY", "CITY", "PROVINCE"];
