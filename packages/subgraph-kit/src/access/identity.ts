import { jwtVerify, SignJWT } from "jose";
import { ANONYMOUS, type Principal, ROLES, type Role } from "./principal.js";

/** The header in which the gateway hands the verified principal to subgraphs. */
export const IDENTITY_HEADER = "x-lamplight-identity";
const ISSUER = "lamplight-gateway";
const AUDIENCE = "lamplight-subgraphs";

/** The key a development graph signs identities with; a production deployable refuses to start with it. */
export const DEVELOPMENT_IDENTITY_KEY = "lamplight-development-identity-key-not-for-production";

/** Every subgraph trusts the gateway's signature, and only that: a shared HMAC key. */
export function identityKey(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error("the identity signing key must be at least 32 characters");
  return new TextEncoder().encode(secret);
}

/** Signs a principal for one request; the token expires quickly so it cannot be replayed for long. */
export function signIdentity(principal: Principal, key: Uint8Array, ttlSeconds = 60): Promise<string> {
  return new SignJWT({
    kind: principal.kind,
    roles: principal.roles,
    region: principal.regionScope,
    sites: principal.siteIds,
    volunteer: principal.volunteerId,
    organisation: principal.organisationId,
    scopes: principal.scopes,
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(principal.subject ?? "anonymous")
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/**
 * The principal a request carries. A missing, forged, expired or malformed header yields the
 * anonymous public: a subgraph called around the gateway serves public data only.
 */
export async function verifyIdentity(header: string | undefined, key: Uint8Array): Promise<Principal> {
  if (!header) return ANONYMOUS;
  try {
    const { payload } = await jwtVerify(header, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    const kind =
      payload.kind === "user" || payload.kind === "partner" || payload.kind === "service"
        ? payload.kind
        : "anonymous";
    if (kind === "anonymous") return ANONYMOUS;
    return {
      kind,
      subject: payload.sub ?? null,
      roles: strings(payload.roles).filter((role): role is Role =>
        (ROLES as readonly string[]).includes(role),
      ),
      regionScope: typeof payload.region === "string" ? payload.region : null,
      siteIds: strings(payload.sites),
      volunteerId: typeof payload.volunteer === "string" ? payload.volunteer : null,
      organisationId: typeof payload.organisation === "string" ? payload.organisation : null,
      scopes: strings(payload.scopes),
    };
  } catch {
    return ANONYMOUS;
  }
}
