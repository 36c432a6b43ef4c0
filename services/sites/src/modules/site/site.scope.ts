import { BadUserInputError } from "@lamplight/platform";
import { cityOf, getRegion } from "@lamplight/regions";
import type { Prisma } from "../../generated/prisma/client.js";

// Which homes a query is about, and where a home may be: a region at any level for a listing,
// a county for a home itself.

/** `where` for the homes inside a region at any level. */
export function withinRegion(code: string, field = "filter.region"): Prisma.SiteWhereInput {
  const region = getRegion(code);
  if (!region) throw new BadUserInputError(`${field} "${code}" is not a region of the province`, { field });
  if (region.level === "PROVINCE") return {};
  return region.level === "CITY" ? { cityCode: code } : { regionCode: code };
}

/** A county-level region code for a home, or BAD_USER_INPUT naming the field. */
export function requireCounty(code: string, field: string): { regionCode: string; cityCode: string } {
  const region = getRegion(code);
  if (region?.level !== "COUNTY") {
    throw new BadUserInputError(`${field} "${code}" is not a county-level region of the province`, { field });
  }
  return { regionCode: code, cityCode: cityOf(code)!.code };
}
