import { coversRegion, ForbiddenError, managesSite, type Principal, Role } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";

/** Who orders equipment: the province, and city admins for the homes of their city. */
export const PURCHASERS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN] as const;

/** Who follows a shipment: officials of the home's region, and its site manager (delivery, installation). */
export const SHIPMENT_HANDLERS = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
] as const;

export function assertMayOrderFor(principal: Principal, sites: readonly { regionCode: string }[]): void {
  for (const site of sites) {
    if (!coversRegion(principal, site.regionCode, [Role.CITY_ADMIN])) {
      const name = getRegion(site.regionCode)?.name ?? site.regionCode;
      throw new ForbiddenError(`${name} (${site.regionCode}) is outside your region`, {
        regionCode: site.regionCode,
      });
    }
  }
}

/** Officials move any step; a site manager records only the delivery and installation at their home. */
export function assertMayHandle(
  principal: Principal,
  site: { id: string; regionCode: string },
  to: string,
): void {
  if (coversRegion(principal, site.regionCode, [Role.CITY_ADMIN, Role.COUNTY_OFFICER])) return;
  if (managesSite(principal, site.id) && (to === "DELIVERED" || to === "INSTALLED")) return;
  const name = getRegion(site.regionCode)?.name ?? site.regionCode;
  throw new ForbiddenError(`You may not move this shipment of a home in ${name} to ${to}`, {
    regionCode: site.regionCode,
  });
}
