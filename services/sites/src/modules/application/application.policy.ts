import { ForbiddenError, type Principal, Role } from "@lamplight/platform";
import { assertActsOn } from "../transition/transition.policy.js";
import type { ReviewLevel } from "./application.type.js";

/** The role that reviews (and assesses) at each level. */
const ROLE_OF_LEVEL: Record<ReviewLevel, Role> = {
  COUNTY: Role.COUNTY_OFFICER,
  CITY: Role.CITY_ADMIN,
  PROVINCE: Role.PROVINCE_ADMIN,
};

/** A review at a level is made by an official of that level whose region covers the home. */
export function assertMayReviewAt(principal: Principal, level: ReviewLevel, regionCode: string): void {
  assertActsOn(principal, regionCode);
  if (!principal.roles.includes(ROLE_OF_LEVEL[level])) {
    throw new ForbiddenError(`Only an official of the ${level.toLowerCase()} level reviews for it`, {
      level,
    });
  }
}

/** The order reviews are made in: each level after the one below has approved. */
export const REVIEW_ORDER: readonly ReviewLevel[] = ["COUNTY", "CITY", "PROVINCE"];
