import {
  ANONYMOUS,
  DEVELOPMENT_TOKEN_AUDIENCE,
  DEVELOPMENT_TOKEN_ISSUER,
  ExpiringCache,
  type Principal,
  ROLES,
  type Role,
  UnauthenticatedError,
} from "@lamplight/platform";
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";

export interface AuthOptions {
  /** An OIDC provider's JWKS endpoint; tokens must then carry `issuer` and `audience`. */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** Accept development tokens signed with this key (HS256), as `pnpm token` makes them. */
  developmentKey?: string | undefined;
}

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** A verified token's claims → the principal subgraphs see. Unknown roles are dropped. */
export function principalFromClaims(claims: JWTPayload): Principal {
  const roles = strings(claims.roles).filter((role): role is Role =>
    (ROLES as readonly string[]).includes(role),
  );
  return {
    kind: "user",
    subject: claims.sub ?? null,
    roles: roles.filter((role) => role !== "PARTNER"),
    regionScope: typeof claims.region === "string" ? claims.region : null,
    siteIds: strings(claims.sites),
    volunteerId: typeof claims.volunteer === "string" ? claims.volunteer : null,
    // Only a partner admin acts for an organisation; the claim means nothing on anyone else.
    organisationId:
      roles.includes("PARTNER_ADMIN") && typeof claims.organisation === "string" ? claims.organisation : null,
    scopes: [],
  };
}

/**
 * Verifies bearer tokens: against the OIDC provider's keys when AUTH_JWKS_URL is set, and against
 * the development key when one is configured. No header: the anonymous public. A header that does
 * not verify (malformed, expired, wrong issuer or signature): UNAUTHENTICATED, never anonymous.
 */
/** The longest a verified token is trusted without checking its signature again. */
const VERIFIED_FOR_MS = 5 * 60_000;

export function createAuthenticator(options: AuthOptions): Authenticate {
  const remoteKeys = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  const developmentKey = options.developmentKey ? new TextEncoder().encode(options.developmentKey) : null;
  // A token that verified stands for the same principal until it expires: a user's requests after
  // the first skip the signature check (at most VERIFIED_FOR_MS, so a rotated key is felt soon).
  const verified = new ExpiringCache<Principal>();
  const remember = (token: string, payload: JWTPayload): Principal => {
    const principal = principalFromClaims(payload);
    const expiresAt = Math.min((payload.exp ?? 0) * 1000, Date.now() + VERIFIED_FOR_MS);
    verified.set(token, principal, expiresAt);
    return principal;
  };
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError("The Authorization header must be `Bearer <token>`");
    const token = match[1]!;
    const known = verified.get(token);
    if (known) return known;
    let lastError: unknown;
    if (remoteKeys) {
      try {
        const { payload } = await jwtVerify(token, remoteKeys, {
          ...(options.issuer ? { issuer: options.issuer } : {}),
          ...(options.audience ? { audience: options.audience } : {}),
        });
        return remember(token, payload);
      } catch (error) {
        lastError = error;
      }
    }
    if (developmentKey) {
      try {
        const { payload } = await jwtVerify(token, developmentKey, {
          issuer: DEVELOPMENT_TOKEN_ISSUER,
          audience: DEVELOPMENT_TOKEN_AUDIENCE,
          algorithms: ["HS256"],
        });
        return remember(token, payload);
      } catch (error) {
        lastError ??= error;
      }
    }
    throw new UnauthenticatedError(
      lastError instanceof errors.JWTExpired ? "The token has expired" : "The token is not valid",
    );
  };
}
