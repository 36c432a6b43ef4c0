import { ForbiddenError, hasRole, type Principal, Role } from "@lamplight/platform";
import { mayActForHome, mayRunActivity } from "../activity/activity.policy.js";
import type { HomeRow } from "../activity/activity.repository.js";

/** Staff who register children and record attendance. */
export const REGISTRARS = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
] as const;

/**
 * Only staff who may act for the child's home register (or cancel) a child: its site manager,
 * officials whose region covers it, province admins. A home this subgraph has not heard of has no
 * known county, so only its own site manager (or a province admin) may act for it.
 */
export function assertMayActForChildHome(principal: Principal, homeId: string, home: HomeRow | null): void {
  const allowed = home
    ? mayActForHome(principal, home)
    : hasRole(principal, Role.PROVINCE_ADMIN) || mayActForHome(principal, { siteId: homeId, regionCode: "" });
  if (!allowed) throw new ForbiddenError("You may not act for this child's home", { homeId });
}

/** A volunteer acts for themselves; the activity's staff for any volunteer. */
export function assertMayActForVolunteer(
  principal: Principal,
  volunteerId: string,
  activity: { regionCode: string },
  homeIds: readonly string[],
): void {
  if (hasRole(principal, Role.VOLUNTEER) && principal.volunteerId === volunteerId) return;
  if (hasRole(principal, ...REGISTRARS) && mayRunActivity(principal, activity, homeIds)) return;
  throw new ForbiddenError("You may register or cancel only yourself, or volunteers of activities you run", {
    volunteerId,
  });
}

export function assertMayRunActivity(
  principal: Principal,
  activity: { regionCode: string },
  homeIds: readonly string[],
): void {
  if (!mayRunActivity(principal, activity, homeIds)) {
    throw new ForbiddenError("This activity is outside your region and your homes");
  }
}
