import {
  ConflictError,
  coversRegion,
  ForbiddenError,
  hasRole,
  managesSite,
  type Principal,
  Role,
} from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import { mayActForHome, OFFICIALS } from "../activity/activity.policy.js";
import type { HomeRow } from "../activity/activity.repository.js";
import { AwardCategory, type AwardSelection, type Nomination, NomineeKind } from "./award.type.js";

/** Who runs selections: province admins, and city admins for their city's own. */
export const SELECTION_MANAGERS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN] as const;
/** Who nominates: staff, each for the nominees within their region or homes. */
export const NOMINATORS = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
] as const;
/** Anyone signed in may sit on a panel (experts, partners' staff): membership is checked per selection. */
export const SIGNED_IN = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
  Role.FINANCE_OFFICER,
  Role.VOLUNTEER,
] as const;

/** Which nominees each category takes. */
export const NOMINEES_OF: Record<AwardCategory, readonly NomineeKind[]> = {
  [AwardCategory.SELF_RELIANCE_STAR]: [NomineeKind.STUDENT],
  [AwardCategory.CARING_STAR]: [NomineeKind.VOLUNTEER, NomineeKind.CARER],
  [AwardCategory.EXCELLENT_HOME]: [NomineeKind.HOME],
};

export function assertManagesSelection(principal: Principal, regionCode: string): void {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return;
  if (getRegion(regionCode)?.level !== "PROVINCE" && coversRegion(principal, regionCode, [Role.CITY_ADMIN]))
    return;
  throw new ForbiddenError("This selection is run outside your region", { regionCode });
}

/** A nomination names a home its nominator may act for (or, without a home, comes from an official in scope). */
export function assertMayNominate(
  principal: Principal,
  selection: AwardSelection,
  siteId: string | null,
  home: HomeRow | null,
): void {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return;
  if (siteId) {
    if (home ? mayActForHome(principal, home) : managesSite(principal, siteId)) return;
    throw new ForbiddenError("You may nominate only for the homes in your region or that you run", {
      siteId,
    });
  }
  if (coversRegion(principal, selection.regionCode, OFFICIALS) || hasRole(principal, ...OFFICIALS)) return;
  throw new ForbiddenError("A site manager nominates for their own homes");
}

export function isOnPanel(principal: Principal, selection: AwardSelection): boolean {
  return (
    principal.kind === "user" && principal.subject !== null && selection.panel.includes(principal.subject)
  );
}

/** Who may read a selection's nominations: its panel, and the staff who run or nominate. */
export function maySeeNominations(principal: Principal, selection: AwardSelection): boolean {
  if (isOnPanel(principal, selection)) return true;
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return true;
  return coversRegion(principal, selection.regionCode, OFFICIALS) || hasRole(principal, ...NOMINATORS);
}

/**
 * Conflict of interest: a reviewer may not score a nomination they made, nor one for their own
 * home, nor one for (or from) their own organisation.
 */
export function conflictOfInterest(principal: Principal, nomination: Nomination): string | null {
  if (nomination.nominatedBy === principal.subject) return "you made this nomination";
  if (nomination.siteId && principal.siteIds.includes(nomination.siteId)) return "it is for a home you run";
  if (principal.organisationId) {
    if (nomination.organisationId === principal.organisationId) return "it is for your own organisation";
    if (nomination.nominatorOrganisationId === principal.organisationId) {
      return "it was made by your own organisation";
    }
  }
  return null;
}

export function assertNoConflictOfInterest(principal: Principal, nomination: Nomination): void {
  const reason = conflictOfInterest(principal, nomination);
  if (reason) {
    throw new ForbiddenError(`Conflict of interest: ${reason}`, {
      reason: "CONFLICT_OF_INTEREST",
      nominationId: nomination.id,
    });
  }
}

export function assertStatus(
  selection: AwardSelection,
  status: AwardSelection["status"],
  doing: string,
): void {
  if (selection.status !== status) {
    throw new ConflictError(`The selection is ${selection.status}: ${doing} needs it ${status}`, {
      status: selection.status,
    });
  }
}
