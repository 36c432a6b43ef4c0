import { type ConnectionResult, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { ApiKeyUsage } from "./api-key-usage.type.js";

/** The only code in this service that touches the ApiKeyUsage table. */
export class ApiKeyUsageRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Adds counts to the day's rows (made when missing), in one transaction. */
  async add(rows: readonly ApiKeyUsage[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const { keyId, day, operation, requests, errors, rateLimited } of rows) {
        await tx.apiKeyUsage.upsert({
          where: { keyId_day_operation: { keyId, day, operation } },
          create: { keyId, day, operation, requests, errors, rateLimited },
          update: {
            requests: { increment: requests },
            errors: { increment: errors },
            rateLimited: { increment: rateLimited },
          },
        });
      }
    });
  }

  /** A key's daily rows from `from` to `to` (days, both included), by day, then operation. */
  list(keyId: string, from: Date, to: Date, page: PageRequest): Promise<ConnectionResult<ApiKeyUsage>> {
    return paginate<ApiKeyUsage>(this.prisma.apiKeyUsage, {
      where: { keyId, day: { gte: from, lte: to } },
      order: [
        { field: "day", direction: "asc" },
        { field: "operation", direction: "asc" },
      ],
      page,
    });
  }
}
