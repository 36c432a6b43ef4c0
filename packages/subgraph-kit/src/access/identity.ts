import { webcrypto } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { ExpiringCache } from "../expiring-cache.js";
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

// jose imports a raw key into WebCrypto on every call, which costs more than the HMAC itself;
// each key is imported once instead.
const importedKeys = new WeakMap<Uint8Array, Promise<webcrypto.CryptoKey>>();
function hmacKey(key: Uint8Array): Promise<webcrypto.CryptoKey> {
  let imported = importedKeys.get(key);
  if (!imported) {
    imported = webcrypto.subtle.importKey(
      "raw",
      key as Uint8Array<ArrayBuffer>,
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    importedKeys.set(key, imported);
  }
  return imported;
}

/** Signs a principal for one request; the token expires quickly so it cannot be replayed for long. */
export async function signIdentity(principal: Principal, key: Uint8Array, ttlSeconds = 60): Promise<string> {
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
    .sign(await hmacKey(key));
}

/**
 * The gateway's signer: one signature per principal is reused for the first half of its life, so
 * a busy user costs one HMAC a half-minute rather than one per request, and every subgraph still
 * receives it with at least half its lifetime left.
 */
export function createIdentitySigner(
  key: Uint8Array,
  ttlSeconds = 60,
): (principal: Principal) => Promise<string> {
  const signatures = new ExpiringCache<Promise<string>>();
  return (principal) => {
    const cacheKey = JSON.stringify(principal);
    const cached = signatures.get(cacheKey);
    if (cached) return cached;
    const signed = signIdentity(principal, key, ttlSeconds);
    signatures.set(cacheKey, signed, Date.now() + (ttlSeconds * 1000) / 2);
    return signed;
  };
}

/**
 * A subgraph's verifier: a header that verified stands for the same principal until it expires,
 * so it is checked once, not on every request that carries it.
 */
export function createIdentityVerifier(key: Uint8Array): (header: string | undefined) => Promise<Principal> {
  const verified = new ExpiringCache<Principal>();
  return async (header) => {
    if (!header) return ANONYMOUS;
    const cached = verified.get(header);
    if (cached) return cached;
    const { principal, expiresAt } = await verifyIdentityClaims(header, key);
    if (expiresAt !== null) verified.set(header, principal, expiresAt);
    return principal;
  };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/**
 * The principal a request carries. A missing, forged, expired or malformed header yields the
 * anonymous public: a subgraph called around the gateway serves public data only.
 */
export async function verifyIdentity(header: string | undefined, key: Uint8Array): Promise<Principal> {
  if (!header) return ANONYMOUS;
  return (await verifyIdentityClaims(header, key)).principal;
}

/** The principal and when its header expires (null for a header that did not verify). */
async function verifyIdentityClaims(
  header: string,
  key: Uint8Array,
): Promise<{ principal: Principal; expiresAt: number | null }> {
  try {
    const { payload } = await jwtVerify(header, await hmacKey(key), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : null;
    const kind =
      payload.kind === "user" || payload.kind === "partner" || payload.kind === "service"
        ? payload.kind
        : "anonymous";
    if (kind === "anonymous") return { principal: ANONYMOUS, expiresAt };
    return {
      principal: {
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
      },
      expiresAt,
    };
  } catch {
    return { principal: ANONYMOUS, expiresAt: null };
  }
}
