import { ForbiddenError, NotFoundError, type Principal, Role } from "@lamplight/platform";

/**
 * The organisation a partner admin acts for. A partner admin's token must name one; without it
 * the admin may manage nothing.
 */
export function partnerAdminOrganisation(principal: Principal): string {
  if (!principal.roles.includes(Role.PARTNER_ADMIN) || !principal.organisationId) {
    throw new ForbiddenError(
      "A partner admin acts for the organisation their sign-in names, and it names none",
    );
  }
  return principal.organisationId;
}

/**
 * Whether the principal may manage the keys (and see the usage) of this organisation: a province
 * admin any organisation's, a partner admin their own organisation's only.
 */
export function managesOrganisationKeys(principal: Principal, organisationId: string): boolean {
  if (principal.roles.includes(Role.PROVINCE_ADMIN)) return true;
  return principal.roles.includes(Role.PARTNER_ADMIN) && principal.organisationId === organisationId;
}

/**
 * A key the principal manages. Another organisation's key is NOT_FOUND, as a key that does not
 * exist: a partner admin learns nothing of other organisations' keys.
 */
export function requireManagedKey<Key extends { id: string; organisationId: string }>(
  principal: Principal,
  key: Key | null,
  id: string,
): Key {
  if (!key || !managesOrganisationKeys(principal, key.organisationId)) throw new NotFoundError("ApiKey", id);
  return key;
}
