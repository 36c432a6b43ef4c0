import { createHash, randomBytes } from "node:crypto";
import { BadUserInputError, NotFoundError } from "@lamplight/platform";
import { type ConnectionResult, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { type CreateApiKeyInput, PARTNER_SCOPES } from "./api-key.inputs.js";
import type { ApiKey, PartnerCredential } from "./api-key.type.js";

/** Keys look like `lk_<43 characters>`: recognisable in logs and secret scanners, 256 bits of secret. */
const SECRET_PREFIX = "lk_";
/** lastUsedAt is written at most this often per key, so verifying stays a read on busy keys. */
const LAST_USED_RESOLUTION_MS = 60_000;

const newSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** The only code in this service that touches the ApiKey table. */
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaClient) {}

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
        {
          field: "input.scopes",
        },
      );
    }
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new BadUserInputError("input.expiresAt must be in the future", { field: "input.expiresAt" });
    }
    const apiKey = await this.prisma.apiKey.create({
      data: {
        organisationId: input.organisationId,
        name: input.name.trim(),
        prefix: secret.slice(0, SECRET_PREFIX.length + 6),
        secretHash: hashSecret(secret),
        scopes: [...new Set(input.scopes)].sort(),
        createdBy,
        expiresAt: input.expiresAt ?? null,
      },
    });
    return { apiKey, secret };
  }

  list(organisationId: string | null | undefined, page: PageRequest): Promise<ConnectionResult<ApiKey>> {
    return paginate<ApiKey>(this.prisma.apiKey, {
      where: organisationId ? { organisationId } : {},
      order: [
        { field: "createdAt", direction: "desc" },
        { field: "id", direction: "desc" },
      ],
      page,
    });
  }

  /** Revoking twice keeps the first revocation: history is not rewritten. */
  async revoke(id: string, revokedBy: string): Promise<ApiKey> {
    const key = await this.prisma.apiKey.findUnique({ where: { id } }).catch(() => null);
    if (!key) throw new NotFoundError("ApiKey", id);
    if (key.revokedAt) return key;
    return this.prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date(), revokedBy } });
  }

  /** The credential of a live key (not revoked, not expired), or null; notes when it was used. */
  async verify(secret: string): Promise<PartnerCredential | null> {
    if (!secret.startsWith(SECRET_PREFIX)) return null;
    const key = await this.prisma.apiKey.findUnique({ where: { secretHash: hashSecret(secret) } });
    const now = new Date();
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
    }
    return { keyId: key.id, organisationId: key.organisationId, scopes: key.scopes };
  }
}
