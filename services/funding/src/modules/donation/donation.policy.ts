import { type Principal } from "@lamplight/platform";
import type { GraphQLResolveInfo } from "graphql";
import type { FundingContext } from "../../context.js";
import { fundLoader } from "../fund/fund.loader.js";
import { managesFund } from "../fund/fund.policy.js";

/** What decides who may see a gift's donor: money given or goods given alike. */
export interface GiftDonor {
  id: string;
  fundId: string;
  anonymous: boolean;
  donorOrganisationId: string | null;
}

/**
 * Whether the caller sees who gave: everyone for a named gift; for an anonymous one only the
 * finance officers who manage the fund and province admins (the receipt must name the donor), and
 * the donor organisation itself through its partner key.
 */
export function maySeeDonor(
  principal: Principal,
  gift: GiftDonor,
  fund: { ownerRegionCode: string },
): boolean {
  if (!gift.anonymous || managesFund(principal, fund)) return true;
  return principal.kind === "partner" && gift.donorOrganisationId === principal.organisationId;
}

/**
 * The same rule as a field resolver applies it: an anonymous donor's identity, when shown, is an
 * audited read of `entity` (Donation, InKindGift).
 */
export async function revealsDonor(
  gift: GiftDonor,
  entity: string,
  context: FundingContext,
  info: GraphQLResolveInfo,
): Promise<boolean> {
  if (!gift.anonymous) return true;
  const fund = (await fundLoader(context).load(gift.fundId))!;
  if (!maySeeDonor(context.principal, gift, fund)) return false;
  context.audit.read(rootField(info), entity, gift.id, info.fieldName);
  return true;
}

/** The root field of the operation a field was reached through, for the audit log. */
function rootField(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}
