import { coversRegion, ForbiddenError, type Principal, Role } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import { highestLevel, type Level } from "./transition.machine.js";

/** Who may move sites through their life: the officials of the county, the city and the province. */
export const SITE_OFFICIALS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_OFFICER] as const;

/** Who may read a site's history: officials and site managers. */
export const HISTORY_READERS = [...SITE_OFFICIALS, Role.SITE_MANAGER] as const;

/**
 * The highest level at which the principal acts on a site in `regionCode`: PROVINCE for a province
 * admin, CITY for a city admin of its city, COUNTY for a county officer of its county; null when
 * none of their roles covers the site.
 */
export function actorLevel(principal: Principal, regionCode: string): Level | null {
  const levels: Level[] = [];
  if (principal.roles.includes(Role.PROVINCE_ADMIN)) levels.push("PROVINCE");
  if (coversRegion(principal, regionCode, [Role.CITY_ADMIN]) && principal.roles.includes(Role.CITY_ADMIN))
    levels.push("CITY");
  if (
    coversRegion(principal, regionCode, [Role.COUNTY_OFFICER]) &&
    principal.roles.includes(Role.COUNTY_OFFICER)
  )
    levels.push("COUNTY");
  return highestLevel(levels);
}

/** The principal's level on a site in `regionCode`, or FORBIDDEN naming the region when they have none. */
export function assertActsOn(principal: Principal, regionCode: string): Level {
  const level = actorLevel(principal, regionCode);
  if (!level) {
    const name = getRegion(regionCode)?.name ?? regionCode;
    throw new ForbiddenError(`${name} (${regionCode}) is outside your region`, { regionCode });
  }
  return level;
}
