import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Donation } from "../donation/donation.type.js";

/** One grant a donation paid for, and how much of it. */
export interface TracedShare {
  grantId: string;
  amountFen: bigint;
}

/**
 * Traces a gift by the first-in, first-out rule in ONE statement: the gifts of its designation laid
 * end to end by arrival (day, then recording time, then id), the grants approved from the same pool
 * laid end to end by award (day, decision time, id); the gift's share of a grant is the overlap of
 * the two stretches. A reversed gift has no share of anything.
 */
export class TraceRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async shares(donation: Donation): Promise<TracedShare[]> {
    const rows = await this.prisma.$queryRaw<{ grantId: string; amountFen: bigint }[]>`
      WITH gifts AS (
        SELECT d."id", d."amountFen",
               SUM(d."amountFen") OVER (ORDER BY d."receivedOn", d."recordedAt", d."id") AS "endFen"
        FROM "Donation" d
        WHERE d."fundId" = ${donation.fundId}::uuid AND d."purpose" = ${donation.purpose}::"Purpose"
          AND d."siteId" IS NOT DISTINCT FROM ${donation.siteId}::uuid
          AND d."projectId" IS NOT DISTINCT FROM ${donation.projectId}::uuid
          AND NOT EXISTS (SELECT 1 FROM "JournalEntry" r WHERE r."reversesId" = d."journalEntryId")
      ), me AS (
        SELECT "endFen" - "amountFen" AS "startFen", "endFen" FROM gifts WHERE "id" = ${donation.id}::uuid
      ), awards AS (
        SELECT g."id", g."amountFen" - g."releasedFen" AS "amountFen",
               SUM(g."amountFen" - g."releasedFen") OVER (ORDER BY g."awardDate", g."decidedAt", g."id") AS "endFen"
        FROM "Grant" g JOIN "Designation" p ON p."id" = g."designationId"
        WHERE g."status" IN ('APPROVED', 'CLOSED') AND p."fundId" = ${donation.fundId}::uuid
          AND p."purpose" = ${donation.purpose}::"Purpose"
          AND p."siteId" IS NOT DISTINCT FROM ${donation.siteId}::uuid
          AND p."projectId" IS NOT DISTINCT FROM ${donation.projectId}::uuid
      )
      SELECT a."id" AS "grantId",
             (LEAST(a."endFen", me."endFen") - GREATEST(a."endFen" - a."amountFen", me."startFen"))::bigint AS "amountFen"
      FROM awards a CROSS JOIN me
      WHERE LEAST(a."endFen", me."endFen") > GREATEST(a."endFen" - a."amountFen", me."startFen")
      ORDER BY a."endFen"`;
    return rows.map((row) => ({ grantId: row.grantId, amountFen: BigInt(row.amountFen) }));
  }

  findByReceipt(receiptNumber: string): Promise<Donation | null> {
    return this.prisma.donation.findUnique({ where: { receiptNumber } });
  }
}
