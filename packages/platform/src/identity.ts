import { webcrypto } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { ExpiringCache } from "./expiring-cache.js";
import { ANONYMOUS, type Principal, ROLES, type Role } from "./principal.js";

/** The header in which the gateway hands the verified principal to subgraphs. */
export const IDENTITY_HEADER = "x-lamplight-identity";
const ISSUER = "lamplight-gateway";

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

/** How long a signed identity lives by default: long enough for one request's fetches, no longer. */
export const DEFAULT_IDENTITY_TTL_SECONDS = 20;

/** What a signed identity is bound to. */
export interface IdentityBinding {
  /** The subgraph it is for (its name in the supergraph): every other subgraph refuses it. */
  audience: string | readonly string[];
  /** The client request it was signed for (the `jti` claim, logged by the subgraph). */
  requestId?: string;
  ttlSeconds?: number;
}

/**
 * Signs a principal for one request to one subgraph (`aud`), with the request's id (`jti`); the
 * token expires quickly, so a header captured on its way to one subgraph opens no other and
 * cannot be replayed for long.
 */
export async function signIdentity(
  principal: Principal,
  key: Uint8Array,
  binding: IdentityBinding,
): Promise<string> {
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
    .setAudience(
      typeof binding.audience === "string" ? binding.audience : [...(binding.audience as string[])],
    )
    .setJti(binding.requestId ?? webcrypto.randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${binding.ttlSeconds ?? DEFAULT_IDENTITY_TTL_SECONDS}s`)
    .sign(await hmacKey(key));
}

/**
 * The gateway's signer for one client request: the principal is signed for each subgraph the
 * request reaches, once (the first fetch to a subgraph signs, the others reuse it).
 */
export function createIdentitySigner(
  key: Uint8Array,
  ttlSeconds = DEFAULT_IDENTITY_TTL_SECONDS,
): (principal: Principal, requestId: string) => (subgraph: string) => Promise<string> {
  return (principal, requestId) => {
    const signatures = new Map<string, Promise<string>>();
    return (subgraph) => {
      let signed = signatures.get(subgraph);
      if (!signed) {
        signed = signIdentity(principal, key, { audience: subgraph, requestId, ttlSeconds });
        signatures.set(subgraph, signed);
      }
      return signed;
    };
  };
}

/**
 * A subgraph's verifier: it accepts headers signed for `audience` (its own name) only. A header
 * that verified stands for the same principal until it expires, so it is checked once, not on
 * every request that carries it.
 */
export function createIdentityVerifier(
  key: Uint8Array,
  audience: string,
): (header: string | undefined) => Promise<Principal> {
  const verified = new ExpiringCache<Principal>();
  return async (header) => {
    if (!header) return ANONYMOUS;
    const cached = verified.get(header);
    if (cached) return cached;
    const { principal, expiresAt } = await verifyIdentityClaims(header, key, audience);
    if (expiresAt !== null) verified.set(header, principal, expiresAt);
    return principal;
  };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/**
 * The principal a request carries. A missing, forged, expired or malformed header, or one signed
 * for another subgraph, yields the anonymous public: a subgraph called around the gateway serves
 * public data only.
 */
export async function verifyIdentity(
  header: string | undefined,
  key: Uint8Array,
  audience: string,
): Promise<Principal> {
  if (!header) return ANONYMOUS;
  return (await verifyIdentityClaims(header, key, audience)).principal;
}

/** The principal and when its header expires (null for a header that did not verify). */
async function verifyIdentityClaims(
  header: string,
  key: Uint8Array,
  audience: string,
): Promise<{ principal: Principal; expiresAt: number | null }> {
  try {
    const { payload } = await jwtVerify(header, await hmacKey(key), {
      issuer: ISSUER,
      audience,
      algorithms: ["HS256"],
      requiredClaims: ["jti", "exp"],
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
