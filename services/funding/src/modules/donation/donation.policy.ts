import type { Principal } from "@lamplight/subgraph-kit";
import { managesFund } from "../fund/fund.policy.js";
import type { Donation } from "./donation.type.js";

/**
 * Whether the caller sees who gave: everyone for a named gift; for an anonymous one only the
 * finance officers who manage the fund and province admins (the receipt must name the donor), and
 * the donor organisation itself through its partner key.
 */
export function maySeeDonor(
  principal: Principal,
  donation: Donation,
  fund: { ownerRegionCode: string },
): boolean {
  if (!donation.anonymous || managesFund(principal, fund)) return true;
  return principal.kind === "partner" && donation.donorOrganisationId === principal.organisationId;
}
