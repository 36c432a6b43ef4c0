import { coversRegion, ForbiddenError, hasRole, type Principal, Role } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";

/**
 * Who manages volunteers: province admins everywhere, city admins and county officers within their
 * region. They register, vet, activate and deactivate volunteers, and see their personal data.
 */
export const VOLUNTEER_MANAGERS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_OFFICER] as const;

/** Managers, and a volunteer for their own record. */
export const VOLUNTEER_VIEWERS = [...VOLUNTEER_MANAGERS, Role.VOLUNTEER] as const;

const OFFICIALS = [Role.CITY_ADMIN, Role.COUNTY_OFFICER] as const;

/** Whether the principal is this volunteer, signed in with the volunteer claim. */
export function isVolunteer(principal: Principal, volunteerId: string): boolean {
  return hasRole(principal, Role.VOLUNTEER) && principal.volunteerId === volunteerId;
}

/** Whether the principal may manage volunteers of this region. */
export function managesVolunteersIn(principal: Principal, regionCode: string): boolean {
  return coversRegion(principal, regionCode, OFFICIALS);
}

/** Personal data of a volunteer: the volunteer themself, and managers covering their region. */
export function mayViewVolunteer(
  principal: Principal,
  volunteer: { id: string; regionCode: string },
): boolean {
  return isVolunteer(principal, volunteer.id) || managesVolunteersIn(principal, volunteer.regionCode);
}

export function assertMayViewVolunteer(
  principal: Principal,
  volunteer: { id: string; regionCode: string },
): void {
  if (!mayViewVolunteer(principal, volunteer)) {
    throw new ForbiddenError("This volunteer is outside your region");
  }
}

export function assertManagesVolunteersIn(principal: Principal, regionCode: string): void {
  if (managesVolunteersIn(principal, regionCode)) return;
  throw new ForbiddenError(
    `${getRegion(regionCode)?.name ?? regionCode} (${regionCode}) is outside your region`,
    { regionCode },
  );
}

/** Where a manager's volunteer lists are limited to: null for the whole province. */
export function volunteerRegionScope(principal: Principal): { all: boolean; region: string | null } {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return { all: true, region: null };
  if (principal.regionScope && hasRole(principal, ...OFFICIALS)) {
    if (getRegion(principal.regionScope)?.level === "PROVINCE") return { all: true, region: null };
    return { all: false, region: principal.regionScope };
  }
  return { all: false, region: null };
}
