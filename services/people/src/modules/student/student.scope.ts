import { BadUserInputError } from "@lamplight/platform";
import { cityOf, getRegion } from "@lamplight/regions";
import type { Prisma } from "../../generated/prisma/client.js";
import type { StudentScope } from "./student.policy.js";

// Which children a query is about, as Prisma `where` pieces: the ones a principal may see, and
// the ones living in a region. Shared by the queries of children and of their pairings.

/** `where` for the children living inside a region at any level. */
export function livingWithin(code: string, field: string): Prisma.StudentWhereInput {
  const region = getRegion(code);
  if (!region) throw new BadUserInputError(`${field} "${code}" is not a region of the province`, { field });
  if (region.level === "PROVINCE") return {};
  return region.level === "CITY" ? { cityCode: code } : { regionCode: code };
}

/** A county-level region code for a child, or BAD_USER_INPUT naming the field. */
export function requireCounty(code: string, field: string): { regionCode: string; cityCode: string } {
  const region = getRegion(code);
  if (region?.level !== "COUNTY") {
    throw new BadUserInputError(`${field} "${code}" is not a county-level region of the province`, { field });
  }
  return { regionCode: code, cityCode: cityOf(code)!.code };
}

/** The children a scope lets a principal see, as a Prisma `where`. */
export function scopeWhere(scope: StudentScope): Prisma.StudentWhereInput {
  if (scope.all) return {};
  const any: Prisma.StudentWhereInput[] = [];
  if (scope.cities.length > 0) any.push({ cityCode: { in: scope.cities } });
  if (scope.counties.length > 0) any.push({ regionCode: { in: scope.counties } });
  if (scope.siteIds.length > 0) any.push({ siteId: { in: scope.siteIds } });
  if (scope.studentIds.length > 0) any.push({ id: { in: scope.studentIds } });
  return any.length > 0 ? { OR: any } : { id: { in: [] } };
}

/** `where` for the children in any of the given regions; the province means every child. */
export function regionsWhere(regionCodes: readonly string[]): Prisma.StudentWhereInput {
  const regions = regionCodes.map((code) => getRegion(code)).filter((region) => region !== undefined);
  if (regions.some((region) => region.level === "PROVINCE")) return {};
  const cities = regions.filter((region) => region.level === "CITY").map((region) => region.code);
  const counties = regions.filter((region) => region.level === "COUNTY").map((region) => region.code);
  const any: Prisma.StudentWhereInput[] = [];
  if (cities.length > 0) any.push({ cityCode: { in: cities } });
  if (counties.length > 0) any.push({ regionCode: { in: counties } });
  return any.length > 0 ? { OR: any } : { id: { in: [] } };
}
