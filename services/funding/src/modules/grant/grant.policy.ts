import { ForbiddenError, hasRole, managesSite, type Principal, Role } from "@lamplight/platform";
import { managesFund } from "../fund/fund.policy.js";
import type { GrantRow } from "./grant.type.js";

/** Who decides on grants: finance officers only, of the fund's region. */
export const GRANT_APPROVERS = [Role.FINANCE_OFFICER] as const;

/**
 * A finance officer whose region covers the fund approves or rejects, and never a grant they
 * proposed themselves (two people see every grant before money moves).
 */
export function assertMayDecide(
  principal: Principal,
  grant: GrantRow,
  fund: { code: string; ownerRegionCode: string },
): void {
  if (!hasRole(principal, Role.FINANCE_OFFICER) || !managesFund(principal, fund)) {
    throw new ForbiddenError(`Grants from ${fund.code} are decided by its region's finance officers`, {
      fundCode: fund.code,
    });
  }
  if (principal.subject && principal.subject === grant.proposedBy) {
    throw new ForbiddenError("A grant is decided by someone other than who proposed it", { id: grant.id });
  }
}

/** Who may see a grant that is not (yet) approved: those who manage its fund. */
export function maySeeGrant(
  principal: Principal,
  grant: GrantRow,
  fund: { ownerRegionCode: string },
): boolean {
  return grant.status === "APPROVED" || grant.status === "CLOSED" || managesFund(principal, fund);
}

/** The grantee's spending is reported by the fund's officers, or by the manager of the home it went to. */
export function mayReportSpending(
  principal: Principal,
  grant: GrantRow,
  fund: { ownerRegionCode: string },
): boolean {
  return managesFund(principal, fund) || (grant.siteId !== null && managesSite(principal, grant.siteId));
}
