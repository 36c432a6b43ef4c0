import { coversRegion, ForbiddenError, type Principal, Role } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";

/** Who runs tenders: the province, and city admins for their city. */
export const TENDER_OFFICIALS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN] as const;

/** Who may score bids: officials on the tender's panel (the panel is checked in the repository). */
export const EVALUATORS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_OFFICER] as const;

/** Who may submit a bid: tender officials recording it, or a vendor's partner key for its own organisation. */
export const BIDDERS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.PARTNER] as const;

export function assertRunsTenderIn(principal: Principal, regionCode: string): void {
  if (!coversRegion(principal, regionCode, [Role.CITY_ADMIN])) {
    throw new ForbiddenError(
      `${getRegion(regionCode)?.name ?? regionCode} (${regionCode}) is outside your region`,
      {
        regionCode,
      },
    );
  }
}

/** A partner bids only for its own organisation; officials record any vendor's bid in their region. */
export function assertMayBid(principal: Principal, tenderRegion: string, vendorOrganisationId: string): void {
  if (principal.kind === "partner") {
    if (principal.organisationId !== vendorOrganisationId)
      throw new ForbiddenError("A partner bids only for its own organisation");
    return;
  }
  assertRunsTenderIn(principal, tenderRegion);
}
