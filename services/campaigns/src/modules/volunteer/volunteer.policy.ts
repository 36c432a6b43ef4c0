import { ForbiddenError, hasRole, type Principal, Role } from "@lamplight/platform";

/** Staff who may see which activities a volunteer takes part in. */
export const VOLUNTEER_ACTIVITY_VIEWERS = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
  Role.VOLUNTEER,
] as const;

/** A volunteer sees their own activities; staff see any volunteer's. */
export function assertMaySeeVolunteerActivities(principal: Principal, volunteerId: string): void {
  if (hasRole(principal, Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.SITE_MANAGER))
    return;
  if (principal.volunteerId === volunteerId) return;
  throw new ForbiddenError("A volunteer sees only their own activities");
}
