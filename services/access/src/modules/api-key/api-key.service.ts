import { createHash, randomBytes } from "node:crypto";
import { BadUserInputError, NotFoundError } from "@lamplight/platform";
import { type CreateApiKeyInput, PARTNER_SCOPES } from "./api-key.inputs.js";
import type { ApiKeyRepository } from "./api-key.repository.js";
import type { ApiKey, PartnerCredential } from "./api-key.type.js";

/** Keys look like `lk_<43 characters>`: recognisable in logs and secret scanners, 256 bits of secret. */
const SECRET_PREFIX = "lk_";
/** lastUsedAt is written at most this often per key, so verifying stays a read on busy keys. */
const LAST_USED_RESOLUTION_MS = 60_000;

const newSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;

/** What is stored of a secret: its SHA-256, hex. The secret itself is shown once, when the key is made. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Partners' API keys: issued with their scopes, revoked, and checked on every partner request. */
export class ApiKeyService {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  /** `secret` is for the demo seed's well-known key only; real keys always get a random one. */
  async create(
    input: CreateApiKeyInput,
    createdBy: string,
    secret = newSecret(),
  ): Promise<{ apiKey: ApiKey; secret: string }> {
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
    return { keyId: key.id, organisationId: key.organisationId, scopes: key.scopes };
  }
}
