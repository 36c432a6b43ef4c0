import { BadUserInputError } from "@lamplight/platform";
import { cityOf, getRegion } from "@lamplight/regions";
import type { Prisma } from "../../generated/prisma/client.js";

// Where a volunteer serves: a county for the volunteer, a region at any level for a listing.

/** A county-level region code for a volunteer, or BAD_USER_INPUT naming the field. */
export function requireVolunteerCounty(
  code: string,
  field: string,
): { regionCode: string; cityCode: string } {
  const region = getRegion(code);
  if (region?.level !== "COUNTY") {
    throw new BadUserInputError(`${field} "${code}" is not a county-level region of the province`, { field });
  }
  return { regionCode: code, cityCode: cityOf(code)!.code };
}

/** `where` for volunteers serving inside a region at any level. */
export function volunteersWithin(code: string, field: string): Prisma.VolunteerWhereInput {
  const region = getRegion(code);
  if (!region) throw new BadUserInputError(`${field} "${code}" is not a region of the province`, { field });
  if (region.level === "PROVINCE") return {};
  return region.level === "CITY" ? { cityCode: code } : { regionCode: code };
}
