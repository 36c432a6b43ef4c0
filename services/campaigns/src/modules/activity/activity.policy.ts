import { takesOnNew } from "@lamplight/events";
import {
  BadUserInputError,
  ConflictError,
  coversRegion,
  ForbiddenError,
  hasRole,
  managesSite,
  type Principal,
  Role,
} from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import type { HomeRow } from "./activity.repository.js";

/** Who may hold activities: officials in their region, site managers at their own homes, province admins. */
export const ACTIVITY_ORGANISERS = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
] as const;

/** The officials whose region scope covers activities (not FINANCE_OFFICER, whose scope is money). */
export const OFFICIALS = [Role.CITY_ADMIN, Role.COUNTY_OFFICER] as const;

/** Staff who may act for a home: its site manager, officials whose region covers it, province admins. */
export function mayActForHome(principal: Principal, home: { siteId: string; regionCode: string }): boolean {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return true;
  if (coversRegion(principal, home.regionCode, OFFICIALS)) return true;
  return managesSite(principal, home.siteId);
}

/** Staff who may run an activity (register, record attendance): officials over its region, managers of a host home. */
export function mayRunActivity(
  principal: Principal,
  activity: { regionCode: string },
  homeIds: readonly string[],
): boolean {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return true;
  if (coversRegion(principal, activity.regionCode, OFFICIALS)) return true;
  return homeIds.some((siteId) => managesSite(principal, siteId));
}

/** Officials place activities within their region; a site manager only at the homes they run. */
export function assertMayOrganise(
  principal: Principal,
  regionCode: string,
  homeIds: readonly string[],
): void {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return;
  if (coversRegion(principal, regionCode, OFFICIALS)) return;
  if (
    hasRole(principal, Role.SITE_MANAGER) &&
    homeIds.length > 0 &&
    homeIds.every((siteId) => managesSite(principal, siteId))
  ) {
    return;
  }
  if (hasRole(principal, ...OFFICIALS)) {
    throw new ForbiddenError(
      `${getRegion(regionCode)?.name ?? regionCode} (${regionCode}) is outside your region`,
      {
        regionCode,
      },
    );
  }
  throw new ForbiddenError("A site manager holds activities only at the homes they run");
}

/** A home holds an activity of its own county, and only while it is not closed or suspended. */
export function assertHomeHosts(home: HomeRow, regionCode: string): void {
  if (home.regionCode !== regionCode) {
    throw new BadUserInputError(
      `${home.name || `Home ${home.siteId}`} is in ${home.regionCode}, not ${regionCode}: an activity is held in one county`,
      { field: "input.homeIds", siteId: home.siteId, regionCode: home.regionCode },
    );
  }
  if (!takesOnNew(home.status)) {
    throw new ConflictError(
      `${home.name || `Home ${home.siteId}`} is ${home.status} and holds no new activity`,
      {
        field: "input.homeIds",
        siteId: home.siteId,
        status: home.status,
      },
    );
  }
}
