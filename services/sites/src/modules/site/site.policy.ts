import { coversRegion, ForbiddenError, managesSite, type Principal, Role } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";

/** Who may register or change homes: officials in scope, and a home's own manager for its details. */
export const SITE_EDITORS = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
] as const;
export const SITE_REGISTRARS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_OFFICER] as const;

const regionName = (code: string) => getRegion(code)?.name ?? code;

/** A city admin registers homes only in their city, a county officer only in their county. */
export function assertMayPlaceSiteIn(principal: Principal, regionCode: string): void {
  if (!coversRegion(principal, regionCode, [Role.CITY_ADMIN, Role.COUNTY_OFFICER])) {
    throw new ForbiddenError(`${regionName(regionCode)} (${regionCode}) is outside your region`, {
      regionCode,
    });
  }
}

/** Officials change the homes in their region; a site manager changes their own homes' details. */
export function assertMayChangeSite(principal: Principal, site: { id: string; regionCode: string }): void {
  if (managesSite(principal, site.id)) return;
  assertMayPlaceSiteIn(principal, site.regionCode);
}
