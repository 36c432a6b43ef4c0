import { violatesUniqueConstraint } from "@lamplight/db-kit";
import {
  BadUserInputError,
  ConflictError,
  type ConnectionResult,
  decodeCursor,
  formatFen,
  isUuid,
  type PageRequest,
  paginate,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import {
  Currency,
  type ExpenditureCategory,
  GrantRecipientKind,
  GrantStatus,
  JournalEntryKind,
  type Purpose,
} from "../../generated/prisma/enums.js";
import { type DesignationKey, lockDesignation, poolBalance } from "../designation/designation.repository.js";
import { BANK_ACCOUNT, GRANT_ADVANCES, GRANTS_PAYABLE, grantsAccount } from "../fund/fund.chart.js";
import type { Fund } from "../fund/fund.type.js";
import { accountIds, postEntry } from "../journal/journal.repository.js";
import type { DisbursementRow, ExpenditureReportRow, GrantProgress, GrantRow } from "./grant.type.js";

/** A grant as checked by the resolver, ready to propose. */
export interface GrantProposal {
  idempotencyKey: string;
  fund: Fund;
  designation: DesignationKey;
  recipientKind: GrantRecipientKind;
  siteId: string | null;
  projectId: string | null;
  regionCode: string;
  title: string;
  description: string;
  amountFen: bigint;
  proposedBy: string;
}

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
export const GRANT_ORDER = [
  { field: "proposedAt", direction: "desc" },
  { field: "id", direction: "desc" },
] as const;

export const regionPrefix = (code: string) => code.replace(/(00)+$/, "");

const NOTHING_YET: GrantProgress = Object.freeze({ disbursedFen: 0n, reportedFen: 0n });
const yuan = (fen: bigint) => formatFen(fen);
/**
 * What a pool still holds, for an error's details: the exact yuan always, and the fen as a JSON
 * number only while a number holds it exactly (a pool past 2^53 fen would otherwise be rounded).
 */
const availableDetails = (fen: bigint) => ({
  available: yuan(fen),
  ...(fen <= BigInt(Number.MAX_SAFE_INTEGER) ? { availableFen: Number(fen) } : {}),
});

/** The only code in this service that touches grants, their payments and their reports. */
export class GrantRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<GrantRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.grant.findMany({ where: { id: { in: valid } } });
  }

  /**
   * Proposes a grant: checks the pool could pay it today (a friendly early answer; approval checks
   * again under a lock) and writes it as PROPOSED. Idempotent on the key.
   */
  async propose(proposal: GrantProposal): Promise<GrantRow> {
    const existing = await this.prisma.grant.findUnique({
      where: { idempotencyKey: proposal.idempotencyKey },
    });
    if (existing) return sameGrant(existing, proposal);
    const pool = await poolBalance(this.prisma, proposal.designation, await this.designationId(proposal));
    if (proposal.amountFen > pool.availableFen) {
      throw new BadUserInputError(
        `Only ${yuan(pool.availableFen)} yuan designated to this purpose is available in ${proposal.fund.code}`,
        { field: "input.amount", ...availableDetails(pool.availableFen) },
      );
    }
    try {
      return await this.prisma.$transaction(async (tx) => {
        const designationId = await lockDesignation(tx, proposal.designation);
        const id = crypto.randomUUID();
        return tx.grant.create({
          data: {
            id,
            reference: `G-${proposal.fund.code}-${new Date().getUTCFullYear()}-${id.slice(0, 8).toUpperCase()}`,
            fundId: proposal.fund.id,
            designationId,
            purpose: proposal.designation.purpose,
            recipientKind: proposal.recipientKind,
            siteId: proposal.siteId,
            projectId: proposal.projectId,
            regionCode: proposal.regionCode,
            title: proposal.title,
            description: proposal.description,
            amountFen: proposal.amountFen,
            currency: Currency.CNY,
            proposedBy: proposal.proposedBy,
            idempotencyKey: proposal.idempotencyKey,
          },
        });
      });
    } catch (error) {
      if (!violatesUniqueConstraint(error, "Grant_idempotencyKey_key")) throw error;
      const winner = await this.prisma.grant.findUnique({
        where: { idempotencyKey: proposal.idempotencyKey },
      });
      if (!winner) throw error;
      return sameGrant(winner, proposal);
    }
  }

  private async designationId(proposal: GrantProposal): Promise<string | null> {
    const row = await this.prisma.designation.findFirst({
      where: {
        fundId: proposal.fund.id,
        purpose: proposal.designation.purpose,
        siteId: proposal.designation.siteId,
        projectId: proposal.designation.projectId,
      },
      select: { id: true },
    });
    return row?.id ?? null;
  }

  /**
   * Approves a proposed grant in ONE transaction: locks the grant (one decision only) and then its
   * pool (so concurrent approvals take turns), checks the pool still holds the amount, posts the
   * award (debit the purpose's grants expense, credit grants payable) and marks the grant approved.
   * Two approvals racing for the same money: the second sees the first's award and is refused.
   */
  async approve(grant: GrantRow, decidedBy: string, note: string | null, awardDate: Date): Promise<GrantRow> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await lockGrant(tx, grant.id);
      if (locked.status !== GrantStatus.PROPOSED) {
        throw new ConflictError(`Grant ${grant.reference} was already ${locked.status.toLowerCase()}`, {
          id: grant.id,
        });
      }
      const designation = await tx.designation.findUniqueOrThrow({ where: { id: grant.designationId } });
      const key: DesignationKey = {
        fundId: designation.fundId,
        purpose: designation.purpose,
        siteId: designation.siteId,
        projectId: designation.projectId,
      };
      await lockDesignation(tx, key);
      const pool = await poolBalance(tx, key, grant.designationId);
      if (grant.amountFen > pool.availableFen) {
        throw new ConflictError(
          `Only ${yuan(pool.availableFen)} yuan of this designation is available; the grant needs ${yuan(grant.amountFen)}`,
          { id: grant.id, ...availableDetails(pool.availableFen) },
        );
      }
      const accounts = await accountIds(tx, grant.fundId, [grantsAccount(grant.purpose), GRANTS_PAYABLE]);
      await postEntry(tx, {
        fundId: grant.fundId,
        memo: `Grant ${grant.reference} awarded: ${grant.title}`,
        kind: JournalEntryKind.GRANT_AWARD,
        grantId: grant.id,
        createdBy: decidedBy,
        lines: [
          {
            accountId: accounts.get(grantsAccount(grant.purpose))!,
            amountFen: grant.amountFen,
            currency: Currency.CNY,
          },
          { accountId: accounts.get(GRANTS_PAYABLE)!, amountFen: -grant.amountFen, currency: Currency.CNY },
        ],
      });
      return tx.grant.update({
        where: { id: grant.id },
        data: {
          status: GrantStatus.APPROVED,
          decidedBy,
          decidedAt: new Date(),
          awardDate,
          decisionNote: note,
        },
      });
    });
  }

  /** Turns a proposal down; nothing is posted. One decision only (the grant's row lock settles races). */
  async reject(grant: GrantRow, decidedBy: string, note: string | null): Promise<GrantRow> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await lockGrant(tx, grant.id);
      if (locked.status !== GrantStatus.PROPOSED) {
        throw new ConflictError(`Grant ${grant.reference} was already ${locked.status.toLowerCase()}`, {
          id: grant.id,
        });
      }
      return tx.grant.update({
        where: { id: grant.id },
        data: { status: GrantStatus.REJECTED, decidedBy, decidedAt: new Date(), decisionNote: note },
      });
    });
  }

  /**
   * Pays part of an approved grant: under the grant's row lock, checks it is not paid beyond its
   * amount, then posts the payment (debit advances to grantees, credit the bank). Idempotent on the key.
   */
  async disburse(
    grant: GrantRow,
    payment: { idempotencyKey: string; amountFen: bigint; paidOn: Date; recordedBy: string },
  ): Promise<DisbursementRow> {
    const existing = await this.prisma.grantDisbursement.findUnique({
      where: { idempotencyKey: payment.idempotencyKey },
    });
    if (existing) return sameMovement(existing, grant.id, payment.amountFen);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const locked = await lockGrant(tx, grant.id);
        if (locked.status !== GrantStatus.APPROVED) {
          throw new ConflictError(
            `Grant ${grant.reference} is ${locked.status.toLowerCase()}, not approved`,
            {
              id: grant.id,
            },
          );
        }
        const progress = (await progressOf(tx, [grant.id])).get(grant.id) ?? NOTHING_YET;
        const left = grant.amountFen - progress.disbursedFen;
        if (payment.amountFen > left) {
          throw new BadUserInputError(`Grant ${grant.reference} has only ${yuan(left)} yuan left to pay`, {
            field: "input.amount",
          });
        }
        const accounts = await accountIds(tx, grant.fundId, [GRANT_ADVANCES, BANK_ACCOUNT]);
        const entry = await postEntry(tx, {
          fundId: grant.fundId,
          memo: `Grant ${grant.reference} paid`,
          kind: JournalEntryKind.GRANT_DISBURSEMENT,
          grantId: grant.id,
          createdBy: payment.recordedBy,
          lines: [
            {
              accountId: accounts.get(GRANT_ADVANCES)!,
              amountFen: payment.amountFen,
              currency: Currency.CNY,
            },
            { accountId: accounts.get(BANK_ACCOUNT)!, amountFen: -payment.amountFen, currency: Currency.CNY },
          ],
        });
        return tx.grantDisbursement.create({
          data: {
            grantId: grant.id,
            amountFen: payment.amountFen,
            paidOn: payment.paidOn,
            journalEntryId: entry.id,
            idempotencyKey: payment.idempotencyKey,
            recordedBy: payment.recordedBy,
          },
        });
      });
    } catch (error) {
      if (!violatesUniqueConstraint(error, "GrantDisbursement_idempotencyKey_key")) throw error;
      const winner = await this.prisma.grantDisbursement.findUnique({
        where: { idempotencyKey: payment.idempotencyKey },
      });
      if (!winner) throw error;
      return sameMovement(winner, grant.id, payment.amountFen);
    }
  }

  /**
   * Records what the grantee spent: under the grant's row lock, checks it does not account for more
   * than was paid, then posts it (debit grants payable, credit advances). Idempotent on the key.
   */
  async report(
    grant: GrantRow,
    report: {
      idempotencyKey: string;
      amountFen: bigint;
      spentOn: Date;
      category: ExpenditureCategory;
      description: string;
      recordedBy: string;
    },
  ): Promise<ExpenditureReportRow> {
    const existing = await this.prisma.expenditureReport.findUnique({
      where: { idempotencyKey: report.idempotencyKey },
    });
    if (existing) return sameMovement(existing, grant.id, report.amountFen);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const locked = await lockGrant(tx, grant.id);
        if (locked.status !== GrantStatus.APPROVED) {
          throw new ConflictError(
            `Grant ${grant.reference} is ${locked.status.toLowerCase()}, not approved`,
            {
              id: grant.id,
            },
          );
        }
        const progress = (await progressOf(tx, [grant.id])).get(grant.id) ?? NOTHING_YET;
        const unaccounted = progress.disbursedFen - progress.reportedFen;
        if (report.amountFen > unaccounted) {
          throw new BadUserInputError(
            `Only ${yuan(unaccounted)} yuan of grant ${grant.reference} was paid and not yet accounted for`,
            { field: "input.amount" },
          );
        }
        const accounts = await accountIds(tx, grant.fundId, [GRANTS_PAYABLE, GRANT_ADVANCES]);
        const entry = await postEntry(tx, {
          fundId: grant.fundId,
          memo: `Grant ${grant.reference} spending reported: ${report.description}`,
          kind: JournalEntryKind.GRANT_EXPENDITURE,
          grantId: grant.id,
          createdBy: report.recordedBy,
          lines: [
            { accountId: accounts.get(GRANTS_PAYABLE)!, amountFen: report.amountFen, currency: Currency.CNY },
            {
              accountId: accounts.get(GRANT_ADVANCES)!,
              amountFen: -report.amountFen,
              currency: Currency.CNY,
            },
          ],
        });
        return tx.expenditureReport.create({
          data: {
            grantId: grant.id,
            amountFen: report.amountFen,
            spentOn: report.spentOn,
            category: report.category,
            description: report.description,
            journalEntryId: entry.id,
            idempotencyKey: report.idempotencyKey,
            recordedBy: report.recordedBy,
          },
        });
      });
    } catch (error) {
      if (!violatesUniqueConstraint(error, "ExpenditureReport_idempotencyKey_key")) throw error;
      const winner = await this.prisma.expenditureReport.findUnique({
        where: { idempotencyKey: report.idempotencyKey },
      });
      if (!winner) throw error;
      return sameMovement(winner, grant.id, report.amountFen);
    }
  }

  /**
   * Closes an approved grant once the grantee is done, in ONE transaction under the grant's row lock:
   * money paid and not spent comes back to the bank (debit bank, credit advances), and everything not
   * spent goes back to the designation (debit grants payable, credit the purpose's grants). Afterwards
   * the grant costs its designation exactly what was reported spent.
   */
  async close(grant: GrantRow, closedBy: string, note: string | null): Promise<GrantRow> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await lockGrant(tx, grant.id);
      if (locked.status !== GrantStatus.APPROVED) {
        throw new ConflictError(`Grant ${grant.reference} is ${locked.status.toLowerCase()}, not approved`, {
          id: grant.id,
        });
      }
      const progress = (await progressOf(tx, [grant.id])).get(grant.id) ?? NOTHING_YET;
      const returnedFen = progress.disbursedFen - progress.reportedFen;
      const releasedFen = grant.amountFen - progress.reportedFen;
      const accounts = await accountIds(tx, grant.fundId, [
        BANK_ACCOUNT,
        GRANT_ADVANCES,
        GRANTS_PAYABLE,
        grantsAccount(grant.purpose),
      ]);
      const lines = [];
      if (returnedFen > 0n) {
        lines.push(
          { accountId: accounts.get(BANK_ACCOUNT)!, amountFen: returnedFen, currency: Currency.CNY },
          { accountId: accounts.get(GRANT_ADVANCES)!, amountFen: -returnedFen, currency: Currency.CNY },
        );
      }
      if (releasedFen > 0n) {
        lines.push(
          { accountId: accounts.get(GRANTS_PAYABLE)!, amountFen: releasedFen, currency: Currency.CNY },
          {
            accountId: accounts.get(grantsAccount(grant.purpose))!,
            amountFen: -releasedFen,
            currency: Currency.CNY,
          },
        );
      }
      if (lines.length > 0) {
        await postEntry(tx, {
          fundId: grant.fundId,
          memo: `Grant ${grant.reference} closed${note ? `: ${note}` : ""}`,
          kind: JournalEntryKind.GRANT_CLOSURE,
          grantId: grant.id,
          createdBy: closedBy,
          lines,
        });
      }
      return tx.grant.update({
        where: { id: grant.id },
        data: { status: GrantStatus.CLOSED, releasedFen },
      });
    });
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
   * The same page (first + 1 rows) of the payments, or of the spending reports, of each of many
   * grants, oldest first, in ONE query (a window function per grant).
   */
  async movementPages<Row extends DisbursementRow | ExpenditureReportRow>(
    table: "GrantDisbursement" | "ExpenditureReport",
    grantIds: readonly string[],
    page: PageRequest,
  ): Promise<Map<string, Row[]>> {
    const pages = new Map<string, Row[]>(grantIds.map((id) => [id, []]));
    const valid = [...new Set(grantIds.filter(isUuid))];
    if (valid.length === 0) return pages;
    const day = Prisma.raw(table === "GrantDisbursement" ? `"paidOn"` : `"spentOn"`);
    let after = Prisma.sql`TRUE`;
    if (page.after) {
      const [on, id] = decodeCursor(page.after, 2);
      if (typeof on !== "string" || Number.isNaN(Date.parse(on)) || typeof id !== "string" || !isUuid(id)) {
        throw new BadUserInputError("after is not a cursor from this connection", { field: "after" });
      }
      const date = on.slice(0, 10);
      after = Prisma.sql`(m.${day} > ${date}::date OR (m.${day} = ${date}::date AND m."id" > ${id}::uuid))`;
    }
    const rows = await this.prisma.$queryRaw<(Row & { rowNumber: bigint })[]>`
      SELECT * FROM (
        SELECT m.*, row_number() OVER (PARTITION BY m."grantId" ORDER BY m.${day}, m."id") AS "rowNumber"
        FROM ${Prisma.raw(`"${table}"`)} m
        WHERE m."grantId" = ANY(${valid}::uuid[]) AND ${after}
      ) AS ranked
      WHERE "rowNumber" <= ${page.first + 1}
      ORDER BY "grantId", ${day}, "id"`;
    for (const { rowNumber: _rowNumber, ...row } of rows) pages.get(row.grantId)?.push(row as unknown as Row);
    return pages;
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
   * The same page (first + 1 rows) of the approved grants to each of many homes, newest first, in
   * ONE query (a window function per home): Site.grants for a whole list of homes.
   */
  async pagesBySite(siteIds: readonly string[], page: PageRequest): Promise<Map<string, GrantRow[]>> {
    const pages = new Map<string, GrantRow[]>(siteIds.map((id) => [id, []]));
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return pages;
    let after = Prisma.sql`TRUE`;
    if (page.after) {
      const [at, id] = decodeCursor(page.after, 2);
      if (typeof at !== "string" || Number.isNaN(Date.parse(at)) || typeof id !== "string" || !isUuid(id)) {
        throw new BadUserInputError("after is not a cursor from this connection", { field: "after" });
      }
      after = Prisma.sql`(g."proposedAt" < ${at}::timestamptz OR (g."proposedAt" = ${at}::timestamptz AND g."id" < ${id}::uuid))`;
    }
    const rows = await this.prisma.$queryRaw<(GrantRow & { rowNumber: bigint })[]>`
      SELECT * FROM (
        SELECT g.*, row_number() OVER (PARTITION BY g."siteId" ORDER BY g."proposedAt" DESC, g."id" DESC) AS "rowNumber"
        FROM "Grant" g
        WHERE g."siteId" = ANY(${valid}::uuid[]) AND g."status" IN ('APPROVED', 'CLOSED') AND ${after}
      ) AS ranked
      WHERE "rowNumber" <= ${page.first + 1}
      ORDER BY "siteId", "proposedAt" DESC, "id" DESC`;
    for (const { rowNumber: _rowNumber, ...row } of rows) pages.get(row.siteId!)?.push(row);
    return pages;
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

  /** Paid and accounted for, for many grants, in one statement. */
  progress(grantIds: readonly string[]): Promise<Map<string, GrantProgress>> {
    return progressOf(this.prisma, grantIds);
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

async function lockGrant(tx: Prisma.TransactionClient, id: string): Promise<{ status: GrantStatus }> {
  const [row] = await tx.$queryRaw<{ status: GrantStatus }[]>`
    SELECT "status" FROM "Grant" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!row) throw new Error(`grant ${id} vanished`);
  return row;
}

async function progressOf(
  client: Prisma.TransactionClient,
  grantIds: readonly string[],
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

function sameGrant(grant: GrantRow, proposal: GrantProposal): GrantRow {
  if (grant.fundId !== proposal.fund.id || grant.amountFen !== proposal.amountFen) {
    throw new ConflictError("idempotencyKey was already used for a different grant; use a new key", {
      grantId: grant.id,
    });
  }
  return grant;
}

function sameMovement<Row extends { id: string; grantId: string; amountFen: bigint }>(
  row: Row,
  grantId: string,
  amountFen: bigint,
): Row {
  if (row.grantId !== grantId || row.amountFen !== amountFen) {
    throw new ConflictError("idempotencyKey was already used for a different payment or report", {
      id: row.id,
    });
  }
  return row;
}

export { GrantRecipientKind };
