import { type ConnectionResult, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { ApiKey } from "./api-key.type.js";

/** The unique index that lets a key be rotated only once. */
export const ONE_ROTATION = "ApiKey_rotatedFromId_key";

/** The only code in this service that touches the ApiKey table. */
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(apiKey: Prisma.ApiKeyUncheckedCreateInput): Promise<ApiKey> {
    return this.prisma.apiKey.create({ data: apiKey });
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

  /** The key with this id; null when there is none (or the id is not one). */
  findById(id: string): Promise<ApiKey | null> {
    return this.prisma.apiKey.findUnique({ where: { id } }).catch(() => null);
  }

  findBySecretHash(secretHash: string): Promise<ApiKey | null> {
    return this.prisma.apiKey.findUnique({ where: { secretHash } });
  }

  markRevoked(id: string, revokedBy: string): Promise<ApiKey> {
    return this.prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date(), revokedBy } });
  }

  /**
   * Issues `replacement` for `key` and ends the old key at `oldExpiresAt`, in one transaction. A key
   * is rotated once: a second rotation of it violates ONE_ROTATION.
   */
  rotate(
    key: ApiKey,
    replacement: Prisma.ApiKeyUncheckedCreateInput,
    oldExpiresAt: Date,
  ): Promise<{ old: ApiKey; replacement: ApiKey }> {
    return this.prisma.$transaction(async (tx) => ({
      replacement: await tx.apiKey.create({ data: { ...replacement, rotatedFromId: key.id } }),
      old: await tx.apiKey.update({ where: { id: key.id }, data: { expiresAt: oldExpiresAt } }),
    }));
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.prisma.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
  }

  /** The scopes of an organisation's keys that still work (neither revoked nor expired at `now`). */
  async activeScopes(organisationId: string, now = new Date()): Promise<string[]> {
    const keys = await this.prisma.apiKey.findMany({
      where: { organisationId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { scopes: true },
    });
    return [...new Set(keys.flatMap((key) => key.scopes))];
  }
}
