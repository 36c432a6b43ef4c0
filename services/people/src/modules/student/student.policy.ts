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
import { isUuid } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import { pairedStudentIdsLoader } from "../pairing/pairing.loader.js";
import type { KnownSite } from "../site/site.replica.js";

/**
 * The staff roles that see children: each only the children in their scope: a province admin all
 * of them, a city admin or county officer those living in their region, a site manager those
 * attending their homes. Finance officers, partners and the public never do.
 */
export const STUDENT_STAFF = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
] as const;

/**
 * Everyone who may list or look up children: the staff above, and volunteers, who see only the
 * children they are paired with now, and of them only what one-to-one support needs (see
 * PERSONAL and CONTACT in student.resolver.ts, and docs/decisions/0016).
 */
export const STUDENT_VIEWERS = [...STUDENT_STAFF, Role.VOLUNTEER] as const;

/** Who may register a child: officials within their region, site managers for their own homes. */
export const STUDENT_REGISTRARS = STUDENT_STAFF;

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

/** Whether a volunteer principal is paired with this child now (`paired`: their children's ids). */
export function isPairedWith(principal: Principal, studentId: string, paired: readonly string[]): boolean {
  return hasRole(principal, Role.VOLUNTEER) && principal.volunteerId !== null && paired.includes(studentId);
}

export function assertMayViewStudent(
  principal: Principal,
  student: { id: string; regionCode: string; siteId: string | null },
  paired: readonly string[] = [],
): void {
  if (!mayViewStudent(principal, student) && !isPairedWith(principal, student.id, paired)) {
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
  /** A volunteer's paired children. */
  studentIds: string[];
}

const EVERY_CHILD: StudentScope = Object.freeze({
  all: true,
  cities: [],
  counties: [],
  siteIds: [],
  studentIds: [],
});

/** `paired`: the children a volunteer principal is paired with now (pairedStudentIdsLoader). */
export function studentScope(principal: Principal, paired: readonly string[] = []): StudentScope {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return EVERY_CHILD;
  const scope: StudentScope = { all: false, cities: [], counties: [], siteIds: [], studentIds: [] };
  if (hasRole(principal, Role.VOLUNTEER) && principal.volunteerId) scope.studentIds.push(...paired);
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
  return (
    !scope.all &&
    scope.cities.length + scope.counties.length + scope.siteIds.length + scope.studentIds.length === 0
  );
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

/**
 * A child attends a home in the county they live in, and only a home that takes children: not one
 * refused, suspended or closed.
 */
export function assertHomeTakesChild(home: KnownSite, childCounty: string): void {
  if (home.countyCode !== childCounty) {
    throw new BadUserInputError(
      `${home.name} is in ${regionName(home.countyCode)} (${home.countyCode}); a child attends a home in the county they live in`,
      { field: "input.siteId", regionCode: home.countyCode },
    );
  }
  if (!takesOnNew(home.status)) {
    throw new ConflictError(`${home.name} is ${home.status} and takes no new children`, {
      field: "input.siteId",
      status: home.status,
    });
  }
}

/** The children the caller is paired with now (empty unless a volunteer): one query per request. */
export async function pairedStudentIds(context: PeopleContext): Promise<string[]> {
  const { principal } = context;
  if (!hasRole(principal, Role.VOLUNTEER) || !principal.volunteerId) return [];
  return pairedStudentIdsLoader(context).load(principal.volunteerId);
}

/** The children the caller may see, for lists and counts: staff by region and home, volunteers by pairing. */
export async function studentScopeOf(context: PeopleContext): Promise<StudentScope> {
  return studentScope(context.principal, await pairedStudentIds(context));
}

/** Staff who may see this child, or the volunteer paired with them now. */
export async function mayViewChild(
  context: PeopleContext,
  student: { id: string; regionCode: string; siteId: string | null },
): Promise<boolean> {
  if (mayViewStudent(context.principal, student)) return true;
  return isPairedWith(context.principal, student.id, await pairedStudentIds(context));
}
