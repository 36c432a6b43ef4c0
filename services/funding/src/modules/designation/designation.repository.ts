import { Prisma } from "../../generated/prisma/client.js";
import type { Purpose } from "../../generated/prisma/enums.js";

/** A pool of designated money: a fund's purpose, optionally narrowed to one home or one project. */
export interface DesignationKey {
  fundId: string;
  purpose: Purpose;
  siteId: string | null;
  projectId: string | null;
}

/** What a pool holds: received (gifts not reversed), awarded (approved grants), and the difference. */
export interface PoolBalance {
  designationId: string;
  receivedFen: bigint;
  awardedFen: bigint;
  availableFen: bigint;
}

const uuidOrNull = (id: string | null) => (id ? Prisma.sql`${id}::uuid` : Prisma.sql`NULL::uuid`);

/**
 * The pool's row, created on first use, LOCKED until the transaction ends (SELECT … FOR UPDATE).
 * Everything that takes money out of a pool (approving a grant, reversing a gift) locks it first, so
 * two of them never both see the same money as available.
 */
export async function lockDesignation(tx: Prisma.TransactionClient, key: DesignationKey): Promise<string> {
  await tx.$executeRaw`
    INSERT INTO "Designation" ("id", "fundId", "purpose", "siteId", "projectId")
    VALUES (gen_random_uuid(), ${key.fundId}::uuid, ${key.purpose}::"Purpose", ${uuidOrNull(key.siteId)}, ${uuidOrNull(key.projectId)})
    ON CONFLICT ("fundId", "purpose",
      COALESCE("siteId", '00000000-0000-0000-0000-000000000000'::uuid),
      COALESCE("projectId", '00000000-0000-0000-0000-000000000000'::uuid)) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Designation"
    WHERE "fundId" = ${key.fundId}::uuid AND "purpose" = ${key.purpose}::"Purpose"
      AND "siteId" IS NOT DISTINCT FROM ${uuidOrNull(key.siteId)}
      AND "projectId" IS NOT DISTINCT FROM ${uuidOrNull(key.projectId)}
    FOR UPDATE`;
  return row!.id;
}

/** The pool's row id without locking or creating it; null when nothing was ever given to it. */
export async function findDesignation(
  client: Prisma.TransactionClient,
  key: DesignationKey,
): Promise<string | null> {
  const [row] = await client.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Designation"
    WHERE "fundId" = ${key.fundId}::uuid AND "purpose" = ${key.purpose}::"Purpose"
      AND "siteId" IS NOT DISTINCT FROM ${uuidOrNull(key.siteId)}
      AND "projectId" IS NOT DISTINCT FROM ${uuidOrNull(key.projectId)}`;
  return row?.id ?? null;
}

/** The pool a designation row stands for. */
export async function designationKey(client: Prisma.TransactionClient, id: string): Promise<DesignationKey> {
  const { fundId, purpose, siteId, projectId } = await client.designation.findUniqueOrThrow({
    where: { id },
  });
  return { fundId, purpose, siteId, projectId };
}

/**
 * What a pool holds, derived from history: gifts to exactly this designation that were not
 * reversed, less the grants approved from it (a closed grant counts for what was spent). One statement.
 */
export async function poolBalance(
  client: Prisma.TransactionClient,
  key: DesignationKey,
  designationId: string | null,
): Promise<PoolBalance> {
  const [row] = await client.$queryRaw<{ receivedFen: bigint; awardedFen: bigint }[]>`
    SELECT
      (SELECT COALESCE(SUM(d."amountFen"), 0) FROM "Donation" d
        WHERE d."fundId" = ${key.fundId}::uuid AND d."purpose" = ${key.purpose}::"Purpose"
          AND d."siteId" IS NOT DISTINCT FROM ${uuidOrNull(key.siteId)}
          AND d."projectId" IS NOT DISTINCT FROM ${uuidOrNull(key.projectId)}
          AND NOT EXISTS (SELECT 1 FROM "JournalEntry" r WHERE r."reversesId" = d."journalEntryId"))::bigint AS "receivedFen",
      (SELECT COALESCE(SUM(g."amountFen" - g."releasedFen"), 0) FROM "Grant" g
        WHERE g."designationId" = ${designationId ?? "00000000-0000-0000-0000-000000000000"}::uuid
          AND g."status" IN ('APPROVED', 'CLOSED'))::bigint AS "awardedFen"`;
  const receivedFen = BigInt(row!.receivedFen);
  const awardedFen = BigInt(row!.awardedFen);
  return {
    designationId: designationId ?? "",
    receivedFen,
    awardedFen,
    availableFen: receivedFen - awardedFen,
  };
}
