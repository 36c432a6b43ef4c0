import { createHash, randomBytes } from "node:crypto";
import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError, NotFoundError, type Principal } from "@lamplight/platform";
import { type CreateApiKeyInput, PARTNER_SCOPES } from "./api-key.inputs.js";
import { requireManagedKey } from "./api-key.policy.js";
import { type ApiKeyRepository, ONE_ROTATION } from "./api-key.repository.js";
import type { ApiKey, PartnerCredential } from "./api-key.type.js";

/** Keys look like `lk_<43 characters>`: recognisable in logs and secret scanners, 256 bits of secret. */
const SECRET_PREFIX = "lk_";
/** lastUsedAt is written at most this often per key, so verifying stays a read on busy keys. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The longest overlap a rotation allows, in hours: 30 days for a partner to deploy the new key. */
export const MAX_ROTATION_OVERLAP_HOURS = 720;

const newSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;

/** What is stored of a secret: its SHA-256, hex. The secret itself is shown once, when the key is made. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Partners' API keys: issued with their scopes, revoked, and checked on every partner request. */
export class ApiKeyService {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  /**
   * `demo` is for the demo seed's well-known key only (its secret and fixed id); real keys always
   * get a random secret and id.
   */
  async create(
    input: CreateApiKeyInput,
    createdBy: string,
    demo?: { secret: string; id: string },
  ): Promise<{ apiKey: ApiKey; secret: string }> {
    const secret = demo?.secret ?? newSecret();
    const unknown = input.scopes.filter((scope) => !(PARTNER_SCOPES as readonly string[]).includes(scope));
    if (unknown.length > 0) {
      throw new BadUserInputError(
        `input.scopes: unknown scope ${unknown.join(", ")}; use ${PARTNER_SCOPES.join(", ")}`,
        { field: "input.scopes" },
      );
    }
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new BadUserInputError("input.expiresAt must be in the future", { field: "input.expiresAt" });
    }
    const apiKey = await this.apiKeys.create({
      ...(demo ? { id: demo.id } : {}),
      organisationId: input.organisationId,
      name: input.name.trim(),
      prefix: secret.slice(0, SECRET_PREFIX.length + 6),
      secretHash: hashSecret(secret),
      scopes: [...new Set(input.scopes)].sort(),
      createdBy,
      expiresAt: input.expiresAt ?? null,
    });
    return { apiKey, secret };
  }

  /**
   * A new key with the old one's name, scopes and expiry, shown once; the old key keeps working for
   * `overlapHours` (or until its own expiry, if sooner), then stops. A revoked or expired key, or
   * one already rotated, is not rotated (CONFLICT).
   */
  async rotate(
    principal: Principal,
    id: string,
    overlapHours: number,
  ): Promise<{ apiKey: ApiKey; secret: string; replaces: ApiKey }> {
    const secret = newSecret();
    if (!Number.isFinite(overlapHours) || overlapHours < 0 || overlapHours > MAX_ROTATION_OVERLAP_HOURS) {
      throw new BadUserInputError(`overlapHours must be between 0 and ${MAX_ROTATION_OVERLAP_HOURS}`, {
        field: "overlapHours",
      });
    }
    const key = requireManagedKey(principal, await this.apiKeys.findById(id), id);
    const now = new Date();
    if (key.revokedAt) throw new ConflictError("A revoked key cannot be rotated", { field: "id" });
    if (key.expiresAt && key.expiresAt <= now) {
      throw new ConflictError("An expired key cannot be rotated", { field: "id" });
    }
    const overlapEnds = new Date(now.getTime() + overlapHours * 3_600_000);
    const oldExpiresAt = key.expiresAt && key.expiresAt < overlapEnds ? key.expiresAt : overlapEnds;
    try {
      const { old, replacement } = await this.apiKeys.rotate(
        key,
        {
          organisationId: key.organisationId,
          name: key.name,
          prefix: secret.slice(0, SECRET_PREFIX.length + 6),
          secretHash: hashSecret(secret),
          scopes: key.scopes,
          createdBy: principal.subject ?? "unknown",
          expiresAt: key.expiresAt,
        },
        oldExpiresAt,
      );
      return { apiKey: replacement, secret, replaces: old };
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_ROTATION)) {
        throw new ConflictError("This key has been rotated already: rotate its replacement", { field: "id" });
      }
      throw error;
    }
  }

  /** Revoking twice keeps the first revocation: history is not rewritten. */
  async revoke(id: string, revokedBy: string): Promise<ApiKey> {
    const key = await this.apiKeys.findById(id);
    if (!key) throw new NotFoundError("ApiKey", id);
    if (key.revokedAt) return key;
    return this.apiKeys.markRevoked(id, revokedBy);
  }

  /** The credential of a live key (not revoked, not expired), or null; notes when it was used. */
  async verify(secret: string): Promise<PartnerCredential | null> {
    if (!secret.startsWith(SECRET_PREFIX)) return null;
    const key = await this.apiKeys.findBySecretHash(hashSecret(secret));
    const now = new Date();
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.apiKeys.markUsed(key.id, now);
    }
    return {
      keyId: key.id,
      organisationId: key.organisationId,
      scopes: key.scopes,
      expiresAt: key.expiresAt,
    };
  }
}
