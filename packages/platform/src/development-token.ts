import { SignJWT } from "jose";
import type { Role } from "./principal.js";

/**
 * Development tokens stand in for an identity provider's outside production: `pnpm token` and the
 * tests sign them, the gateway verifies them (AUTH_DEV_KEY). Signing lives here, not in the
 * gateway, so that tooling can make tokens without loading the gateway.
 */

/** The key development tokens are signed with when none is configured (never in production). */
export const DEVELOPMENT_TOKEN_KEY = "lamplight-development-token-key-not-for-production";
export const DEVELOPMENT_TOKEN_ISSUER = "lamplight-development";
export const DEVELOPMENT_TOKEN_AUDIENCE = "lamplight";

export interface DevelopmentTokenClaims {
  subject: string;
  roles: Role[];
  region?: string | undefined;
  sites?: string[] | undefined;
  volunteer?: string | undefined;
  /** The partner organisation a partner admin acts for. */
  organisation?: string | undefined;
  name?: string | undefined;
}

/** A development token, as an identity provider would issue it (see `pnpm token`). */
export function signDevelopmentToken(
  claims: DevelopmentTokenClaims,
  key = DEVELOPMENT_TOKEN_KEY,
  ttl = "8h",
): Promise<string> {
  return new SignJWT({
    roles: claims.roles,
    ...(claims.region ? { region: claims.region } : {}),
    ...(claims.sites?.length ? { sites: claims.sites } : {}),
    ...(claims.volunteer ? { volunteer: claims.volunteer } : {}),
    ...(claims.organisation ? { organisation: claims.organisation } : {}),
    ...(claims.name ? { name: claims.name } : {}),
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.subject)
    .setIssuer(DEVELOPMENT_TOKEN_ISSUER)
    .setAudience(DEVELOPMENT_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(key));
}
