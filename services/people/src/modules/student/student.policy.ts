import { getRegion } from "@lamplight/regions";
import {
  coversRegion,
  ForbiddenError,
  hasRole,
  isUuid,
  managesSite,
  type Principal,
  Role,
} from "@lamplight/subgraph-kit";

/**
 * The roles that may see individual children at all. Each sees only the children in their scope:
 * a province admin all of them, a city admin or county officer those living in their region, a
 * site manager those attending their homes. Finance officers, partners and the public never do.
 * (Volunteers will see the children they are paired with, once pairings exist.)
 */
export const STUDENT_VIEWERS = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
] as const;

/** Who may register a child: officials within their region, site managers for their own homes. */
export const STUDENT_REGISTRARS = STUDENT_VIEWERS;

/** The officials whose region scope covers children (not FINANCE_OFFICER, whose scope is money). */
const OFFICIALS = [Role.CITY_ADMIN, Role.COUNTY_OFFICER] as const;

/** Whether this principal may see this child's personal data. */
export function mayViewStudent(
  principal: Principal,
  student: { regionCode: string; siteId: string | null },
): boolean {
  if (coversRegion(principal, student.regionCode, OFFICIALS)) return true;
  return student.siteId !== null && managesSite(principal, student.siteId);
}

export function assertMayViewStudent(
  principal: Principal,
  student: { regionCode: string; siteId: string | null },
): void {
  if (!mayViewStudent(principal, student)) {
    throw new ForbiddenError("This child is outside your region and your homes");
  }
}

/**
 * Which children a principal may see, as data the repository turns into a `where` (or SQL): the
 * same rule as mayViewStudent, for lists and counts instead of one child.
 */
export interface StudentScope {
  all: boolean;
  cities: string[];
  counties: string[];
  siteIds: string[];
}

const EVERY_CHILD: StudentScope = Object.freeze({ all: true, cities: [], counties: [], siteIds: [] });

export function studentScope(principal: Principal): StudentScope {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return EVERY_CHILD;
  const scope: StudentScope = { all: false, cities: [], counties: [], siteIds: [] };
  if (principal.regionScope && hasRole(principal, ...OFFICIALS)) {
    const region = getRegion(principal.regionScope);
    if (region?.level === "PROVINCE") return EVERY_CHILD;
    if (region?.level === "CITY") scope.cities.push(region.code);
    if (region?.level === "COUNTY") scope.counties.push(region.code);
  }
  if (hasRole(principal, Role.SITE_MANAGER)) scope.siteIds.push(...principal.siteIds.filter(isUuid));
  return scope;
}

/** A scope that can match no child: lists answer empty without asking the database. */
export function isEmptyScope(scope: StudentScope): boolean {
  return !scope.all && scope.cities.length + scope.counties.length + scope.siteIds.length === 0;
}

const regionName = (code: string) => getRegion(code)?.name ?? code;

/** A city admin or county officer registers children in their region; a site manager at their homes. */
export function assertMayRegisterStudent(
  principal: Principal,
  regionCode: string,
  siteId: string | null,
): void {
  if (coversRegion(principal, regionCode, OFFICIALS)) return;
  if (siteId !== null && managesSite(principal, siteId)) return;
  if (hasRole(principal, ...OFFICIALS)) {
    throw new ForbiddenError(`${regionName(regionCode)} (${regionCode}) is outside your region`, {
      regionCode,
    });
  }
  throw new ForbiddenError("A site manager registers children only at the homes they run", {
    siteId,
  });
}
