import { coversRegion, ForbiddenError, hasRole, type Principal, Role } from "@lamplight/platform";

/** Who may handle money at all: finance officers (within their region) and province admins. */
export const FUNDING_OFFICERS = [Role.FINANCE_OFFICER, Role.PROVINCE_ADMIN] as const;

/** Finance officers act on the funds run within their region; province admins on every fund. */
export function managesFund(principal: Principal, fund: { ownerRegionCode: string }): boolean {
  if (hasRole(principal, Role.PROVINCE_ADMIN)) return true;
  return coversRegion(principal, fund.ownerRegionCode, [Role.FINANCE_OFFICER]);
}

export function assertManagesFund(
  principal: Principal,
  fund: { code: string; ownerRegionCode: string },
): void {
  if (!managesFund(principal, fund)) {
    throw new ForbiddenError(`The fund ${fund.code} is run outside your region`, { fundCode: fund.code });
  }
}
