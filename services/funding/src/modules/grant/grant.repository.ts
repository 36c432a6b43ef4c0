import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { GrantRecipientKind, GrantStatus, type Purpose } from "../../generated/prisma/enums.js";
import type { DisbursementRow, ExpenditureReportRow, GrantProgress, GrantRow } from "./grant.type.js";

/** The unique indexes on the idempotency keys of grants, their payments and their spending reports. */
export const GRANT_KEY = "Grant_idempotencyKey_key";
export const DISBURSEMENT_KEY = "GrantDisbursement_idempotencyKey_key";
export const REPORT_KEY = "ExpenditureReport_idempotencyKey_key";

export interface GrantQuery {
  fundIds: string[] | null;
  statuses: GrantStatus[];
  purpose: Purpose | null;
  recipientKind: GrantRecipientKind | null;
  siteId: string | null;
  projectId: string | null;
  /** Region code prefix: 51 for the province, 5107 for Mianyang, 510703 for one county. */
  regionPrefix: string | null;
}

/** The prefix every code within a region starts with: 510000 → 51, 510700 → 5107. */
/** Grants whose award stands: approved, or closed after what was spent was accounted for. */
export const AWARDED: GrantStatus[] = [GrantStatus.APPROVED, GrantStatus.CLOSED];

/** The order of grant lists: newest proposal first. */
const GRANT_ORDER: readonly SqlOrderKey[] = [
  { field: "proposedAt", direction: "desc", type: "timestamptz" },
  { field: "id", direction: "desc", type: "uuid" },
];

/** Payments and reports are listed oldest first (their cursors carry the day and the id). */
const MOVEMENT_ORDER: Record<"GrantDisbursement" | "ExpenditureReport", readonly SqlOrderKey[]> = {
  GrantDisbursement: [
    { field: "paidOn", direction: "asc", type: "date" },
    { field: "id", direction: "asc", type: "uuid" },
  ],
  ExpenditureReport: [
    { field: "spentOn", direction: "asc", type: "date" },
    { field: "id", direction: "asc", type: "uuid" },
  ],
};

export const regionPrefix = (code: string) => code.replace(/(00)+$/, "");

/** The only code in this service that touches grants, their payments and their reports. */
export class GrantRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  findByIds(ids: readonly string[]): Promise<GrantRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.grant.findMany({ where: { id: { in: valid } } });
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<GrantRow | null> {
    return this.prisma.grant.findUnique({ where: { idempotencyKey } });
  }

  disbursementByIdempotencyKey(idempotencyKey: string): Promise<DisbursementRow | null> {
    return this.prisma.grantDisbursement.findUnique({ where: { idempotencyKey } });
  }

  reportByIdempotencyKey(idempotencyKey: string): Promise<ExpenditureReportRow | null> {
    return this.prisma.expenditureReport.findUnique({ where: { idempotencyKey } });
  }

  /** The grant's status, its row LOCKED until the transaction ends; null when there is no such grant. */
  async lock(tx: Prisma.TransactionClient, id: string): Promise<GrantStatus | null> {
    const [row] = await tx.$queryRaw<{ status: GrantStatus }[]>`
      SELECT "status" FROM "Grant" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return row?.status ?? null;
  }

  create(tx: Prisma.TransactionClient, grant: Prisma.GrantUncheckedCreateInput): Promise<GrantRow> {
    return tx.grant.create({ data: grant });
  }

  update(
    tx: Prisma.TransactionClient,
    id: string,
    change: Prisma.GrantUncheckedUpdateInput,
  ): Promise<GrantRow> {
    return tx.grant.update({ where: { id }, data: change });
  }

  createDisbursement(
    tx: Prisma.TransactionClient,
    disbursement: Prisma.GrantDisbursementUncheckedCreateInput,
  ): Promise<DisbursementRow> {
    return tx.grantDisbursement.create({ data: disbursement });
  }

  createReport(
    tx: Prisma.TransactionClient,
    report: Prisma.ExpenditureReportUncheckedCreateInput,
  ): Promise<ExpenditureReportRow> {
    return tx.expenditureReport.create({ data: report });
  }

  list(query: GrantQuery, page: PageRequest): Promise<ConnectionResult<GrantRow>> {
    const where: Prisma.GrantWhereInput[] = [];
    if (query.fundIds) where.push({ fundId: { in: query.fundIds } });
    where.push({ status: { in: query.statuses } });
    if (query.purpose) where.push({ purpose: query.purpose });
    if (query.recipientKind) where.push({ recipientKind: query.recipientKind });
    if (query.siteId) where.push({ siteId: query.siteId });
    if (query.projectId) where.push({ projectId: query.projectId });
    if (query.regionPrefix) where.push({ regionCode: { startsWith: query.regionPrefix } });
    return paginate<GrantRow>(this.prisma.grant, { where: { AND: where }, order: GRANT_ORDER, page });
  }

  /**
   * The same page of the payments, or of the spending reports, of each of many grants, oldest
   * first, in ONE query.
   */
  movementPages<Row extends DisbursementRow | ExpenditureReportRow>(
    table: "GrantDisbursement" | "ExpenditureReport",
    grantIds: readonly string[],
    page: PageRequest,
    countTotal: (grantId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Row>>> {
    return pagesByParent<Row>(this.prisma, {
      from: table,
      parent: "grantId",
      order: MOVEMENT_ORDER[table],
      parentIds: grantIds,
      page,
      countTotal,
    });
  }

  /** How many payments and spending reports each of many grants has, in ONE query. */
  async movementCounts(
    grantIds: readonly string[],
  ): Promise<Map<string, { disbursements: number; reports: number }>> {
    const counts = new Map<string, { disbursements: number; reports: number }>();
    const valid = [...new Set(grantIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const rows = await this.prisma.$queryRaw<{ id: string; disbursements: number; reports: number }[]>`
      SELECT g."id",
        (SELECT COUNT(*) FROM "GrantDisbursement" p WHERE p."grantId" = g."id")::int AS "disbursements",
        (SELECT COUNT(*) FROM "ExpenditureReport" r WHERE r."grantId" = g."id")::int AS "reports"
      FROM "Grant" g WHERE g."id" = ANY(${valid}::uuid[])`;
    for (const row of rows)
      counts.set(row.id, { disbursements: Number(row.disbursements), reports: Number(row.reports) });
    return counts;
  }

  /**
   * The same page of the approved grants to each of many homes, newest first, in ONE query:
   * Site.grants for a whole list of homes.
   */
  pagesBySite(
    siteIds: readonly string[],
    page: PageRequest,
    countTotal: (siteId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<GrantRow>>> {
    return pagesByParent<GrantRow>(this.prisma, {
      from: "Grant",
      parent: "siteId",
      order: GRANT_ORDER,
      where: Prisma.sql`"status" IN ('APPROVED', 'CLOSED')`,
      parentIds: siteIds,
      page,
      countTotal,
    });
  }

  /** How many approved grants each of many homes has, in ONE grouped query. */
  async countBySite(siteIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const rows = await this.prisma.grant.groupBy({
      by: ["siteId"],
      where: { siteId: { in: valid }, status: { in: AWARDED } },
      _count: { _all: true },
    });
    for (const row of rows) counts.set(row.siteId!, row._count._all);
    return counts;
  }

  /** Paid and accounted for, for many grants, in one statement (inside a command's transaction, if given). */
  async progress(
    grantIds: readonly string[],
    client: Prisma.TransactionClient = this.prisma,
  ): Promise<Map<string, GrantProgress>> {
    const progress = new Map<string, GrantProgress>();
    const valid = [...new Set(grantIds.filter(isUuid))];
    if (valid.length === 0) return progress;
    const rows = await client.$queryRaw<{ id: string; disbursedFen: bigint; reportedFen: bigint }[]>`
      SELECT g."id",
        (SELECT COALESCE(SUM(p."amountFen"), 0) FROM "GrantDisbursement" p WHERE p."grantId" = g."id")::bigint AS "disbursedFen",
        (SELECT COALESCE(SUM(r."amountFen"), 0) FROM "ExpenditureReport" r WHERE r."grantId" = g."id")::bigint AS "reportedFen"
      FROM "Grant" g WHERE g."id" = ANY(${valid}::uuid[])`;
    for (const row of rows) {
      progress.set(row.id, { disbursedFen: BigInt(row.disbursedFen), reportedFen: BigInt(row.reportedFen) });
    }
    return progress;
  }

  /** Approved grants summed per home or per project, in ONE grouped query. */
  async awardedBy(column: "siteId" | "projectId", ids: readonly string[]): Promise<Map<string, bigint>> {
    const sums = new Map<string, bigint>();
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return sums;
    const key = column === "siteId" ? Prisma.sql`g."siteId"` : Prisma.sql`g."projectId"`;
    const rows = await this.prisma.$queryRaw<{ id: string; totalFen: bigint }[]>`
      SELECT ${key} AS "id", SUM(g."amountFen" - g."releasedFen")::bigint AS "totalFen"
      FROM "Grant" g
      WHERE ${key} = ANY(${valid}::uuid[]) AND g."status" IN ('APPROVED', 'CLOSED')
      GROUP BY ${key}`;
    for (const row of rows) sums.set(row.id, BigInt(row.totalFen));
    return sums;
  }

  /** Approved grants to each region (and every region below it), in ONE query. */
  async awardedWithinRegions(codes: readonly string[]): Promise<Map<string, bigint>> {
    const sums = new Map<string, bigint>();
    const prefixes = [...new Set(codes.map(regionPrefix))];
    if (prefixes.length === 0) return sums;
    const rows = await this.prisma.$queryRaw<{ prefix: string; totalFen: bigint }[]>`
      SELECT p."prefix", COALESCE(SUM(g."amountFen" - g."releasedFen"), 0)::bigint AS "totalFen"
      FROM unnest(${prefixes}::text[]) AS p("prefix")
      LEFT JOIN "Grant" g ON g."status" IN ('APPROVED', 'CLOSED') AND starts_with(g."regionCode", p."prefix")
      GROUP BY p."prefix"`;
    const byPrefix = new Map(rows.map((row) => [row.prefix, BigInt(row.totalFen)]));
    for (const code of codes) sums.set(code, byPrefix.get(regionPrefix(code)) ?? 0n);
    return sums;
  }

  /** Approved grants grouped for the public views, in one query; the caller labels the keys. */
  async totals(
    groupBy: "FUND" | "CITY" | "PURPOSE" | "RECIPIENT_KIND" | "SITE" | "PROJECT" | "YEAR" | "MONTH",
    fundId: string | null,
  ): Promise<{ key: string; awardedFen: bigint; disbursedFen: bigint; grants: number }[]> {
    const keys: Record<typeof groupBy, Prisma.Sql> = {
      FUND: Prisma.sql`f."code"`,
      CITY: Prisma.sql`CASE WHEN g."regionCode" LIKE '51__00' THEN g."regionCode" ELSE substr(g."regionCode", 1, 4) || '00' END`,
      PURPOSE: Prisma.sql`g."purpose"::text`,
      RECIPIENT_KIND: Prisma.sql`g."recipientKind"::text`,
      SITE: Prisma.sql`g."siteId"::text`,
      PROJECT: Prisma.sql`g."projectId"::text`,
      YEAR: Prisma.sql`to_char(g."awardDate", 'YYYY')`,
      MONTH: Prisma.sql`to_char(g."awardDate", 'YYYY-MM')`,
    };
    const key = keys[groupBy];
    const conditions = [Prisma.sql`g."status" IN ('APPROVED', 'CLOSED')`, Prisma.sql`${key} IS NOT NULL`];
    if (fundId) conditions.push(Prisma.sql`g."fundId" = ${fundId}::uuid`);
    const rows = await this.prisma.$queryRaw<
      { key: string; awardedFen: bigint; disbursedFen: bigint; grants: number }[]
    >`
      SELECT ${key} AS "key", SUM(g."amountFen" - g."releasedFen")::bigint AS "awardedFen",
             COALESCE(SUM((SELECT SUM(p."amountFen") FROM "GrantDisbursement" p WHERE p."grantId" = g."id")), 0)::bigint AS "disbursedFen",
             COUNT(*)::int AS "grants"
      FROM "Grant" g JOIN "Fund" f ON f."id" = g."fundId"
      WHERE ${Prisma.join(conditions, " AND ")}
      GROUP BY 1 ORDER BY 1`;
    return rows.map((row) => ({
      key: row.key,
      awardedFen: BigInt(row.awardedFen),
      disbursedFen: BigInt(row.disbursedFen),
      grants: Number(row.grants),
    }));
  }

  /** Every approved grant with what was paid on it, oldest award first: the 360Giving export. */
  async published(): Promise<(GrantRow & { disbursedFen: bigint; fundCode: string; fundName: string })[]> {
    const grants = await this.prisma.grant.findMany({
      where: { status: { in: AWARDED } },
      include: { fund: { select: { code: true, name: true } } },
      orderBy: [{ awardDate: "asc" }, { id: "asc" }],
    });
    const progress = await this.progress(grants.map((grant) => grant.id));
    return grants.map(({ fund, ...grant }) => ({
      ...grant,
      fundCode: fund.code,
      fundName: fund.name,
      disbursedFen: progress.get(grant.id)?.disbursedFen ?? 0n,
    }));
  }
}

export { GrantRecipientKind };
