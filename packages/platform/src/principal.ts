import { isWithin } from "@lamplight/regions";

/** The roles of the programme's staff, volunteers and partners. See docs/SECURITY.md. */
export const Role = {
  PROVINCE_ADMIN: "PROVINCE_ADMIN",
  CITY_ADMIN: "CITY_ADMIN",
  COUNTY_OFFICER: "COUNTY_OFFICER",
  SITE_MANAGER: "SITE_MANAGER",
  FINANCE_OFFICER: "FINANCE_OFFICER",
  VOLUNTEER: "VOLUNTEER",
  PARTNER: "PARTNER",
  /** A person of a partner organisation who manages its keys and proposes its operations. */
  PARTNER_ADMIN: "PARTNER_ADMIN",
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as readonly Role[];

/** Who is asking: verified by the gateway, carried to subgraphs in a signed header. */
export interface Principal {
  /** `service`: the gateway itself, asking a subgraph on its own behalf (never from a token). */
  kind: "anonymous" | "user" | "partner" | "service";
  /** The user's subject (from the token) or the partner key's id. */
  subject: string | null;
  roles: readonly Role[];
  /** The region a city admin, county officer or finance officer acts within. */
  regionScope: string | null;
  /** The homes a site manager runs. */
  siteIds: readonly string[];
  /** The volunteer record of a volunteer. */
  volunteerId: string | null;
  /** The partner's organisation: a partner key's, or the one a partner admin acts for. */
  organisationId: string | null;
  /** What a partner key may read, e.g. `read:sites`. */
  scopes: readonly string[];
}

export const ANONYMOUS: Principal = Object.freeze({
  kind: "anonymous",
  subject: null,
  roles: [],
  regionScope: null,
  siteIds: [],
  volunteerId: null,
  organisationId: null,
  scopes: [],
});

/** The gateway asking on its own behalf, e.g. to verify a partner's key. */
export const GATEWAY_SERVICE: Principal = Object.freeze({
  ...ANONYMOUS,
  kind: "service",
  subject: "gateway",
});

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

/** Roles whose scope is a region: they act on records within it, and nowhere else. */
const REGION_ROLES: readonly Role[] = [Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.FINANCE_OFFICER];

/**
 * Whether the principal's region scope covers a record in `regionCode` with one of `roles`.
 * A province admin covers everything; a city admin, county officer or finance officer covers the
 * records within their region.
 */
export function coversRegion(
  principal: Principal,
  regionCode: string,
  roles: readonly Role[] = REGION_ROLES,
): boolean {
  if (principal.roles.includes(Role.PROVINCE_ADMIN)) return true;
  if (!principal.regionScope) return false;
  return (
    principal.roles.some((role) => roles.includes(role) && REGION_ROLES.includes(role)) &&
    isWithin(regionCode, principal.regionScope)
  );
}

/** Whether the principal runs this home as its site manager. */
export function managesSite(principal: Principal, siteId: string): boolean {
  return principal.roles.includes(Role.SITE_MANAGER) && principal.siteIds.includes(siteId);
}
