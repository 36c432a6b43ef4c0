import type { PrismaClient } from "./generated/prisma/client.js";
import { JournalRepository } from "./modules/journal/journal.repository.js";

/** How tests start this subgraph (its own suite and the composed-graph suite). */
export { funding as fundingService } from "./index.js";

/** The demo funds and their charts of accounts, for tests that record gifts (no gifts loaded). */
export { seedFunds } from "./seed/index.js";

/**
 * The books' invariants, checked after every test of this service (and by the composed-graph
 * suite): every journal line of the database summed per currency is zero (double entry), no pool
 * of designated money has granted more than it received, no grant is paid beyond its amount nor
 * accounted for beyond what was paid. Throws, naming what is wrong.
 */
export async function assertLedgerBalanced(client: PrismaClient): Promise<void> {
  const problems: string[] = [];
  for (const { currency, totalFen } of await new JournalRepository(client).sumsByCurrency()) {
    if (totalFen !== 0n) problems.push(`journal lines in ${currency} sum to ${totalFen} fen, not 0`);
  }
  const overdrawn = await client.$queryRaw<{ id: string; receivedFen: bigint; awardedFen: bigint }[]>`
    SELECT p."id",
      (SELECT COALESCE(SUM(d."amountFen"), 0) FROM "Donation" d
        WHERE d."fundId" = p."fundId" AND d."purpose" = p."purpose"
          AND d."siteId" IS NOT DISTINCT FROM p."siteId" AND d."projectId" IS NOT DISTINCT FROM p."projectId"
          AND NOT EXISTS (SELECT 1 FROM "JournalEntry" r WHERE r."reversesId" = d."journalEntryId"))::bigint AS "receivedFen",
      (SELECT COALESCE(SUM(g."amountFen" - g."releasedFen"), 0) FROM "Grant" g
        WHERE g."designationId" = p."id" AND g."status" IN ('APPROVED', 'CLOSED'))::bigint AS "awardedFen"
    FROM "Designation" p`;
  for (const pool of overdrawn) {
    if (BigInt(pool.awardedFen) > BigInt(pool.receivedFen)) {
      problems.push(`designation ${pool.id} granted ${pool.awardedFen} fen of ${pool.receivedFen} received`);
    }
  }
  const grants = await client.$queryRaw<
    { reference: string; amountFen: bigint; paidFen: bigint; reportedFen: bigint }[]
  >`
    SELECT g."reference", g."amountFen",
      (SELECT COALESCE(SUM(p."amountFen"), 0) FROM "GrantDisbursement" p WHERE p."grantId" = g."id")::bigint AS "paidFen",
      (SELECT COALESCE(SUM(r."amountFen"), 0) FROM "ExpenditureReport" r WHERE r."grantId" = g."id")::bigint AS "reportedFen"
    FROM "Grant" g`;
  for (const grant of grants) {
    if (
      BigInt(grant.paidFen) > BigInt(grant.amountFen) ||
      BigInt(grant.reportedFen) > BigInt(grant.paidFen)
    ) {
      problems.push(
        `grant ${grant.reference}: ${grant.amountFen} awarded, ${grant.paidFen} paid, ${grant.reportedFen} reported`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`The books do not balance:\n${problems.join("\n")}`);
}

/** The whole demo data set (funds, gifts, grants, pledges, gifts in kind), for the composed-graph suite. */
export { seedFunding } from "./seed/index.js";
