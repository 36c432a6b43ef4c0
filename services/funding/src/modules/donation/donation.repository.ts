import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { type Donation, FundingGroupBy } from "./donation.type.js";

/** Which donations to list, as the resolver worked it out (the funds a caller manages included). */
export interface DonationQuery {
  fundIds: string[] | null;
  donorOrganisationId: string | null;
  from: Date | null;
  to: Date | null;
}

/** One group of fundingTotals, before labels. */
export interface TotalRow {
  key: string;
  fundName: string;
  totalFen: bigint;
  donations: number;
}

/** A receipt number: the fund's code, the year of receipt and the number within it. */
export const receiptNumber = (fundCode: string, year: number, number: number) =>
  `${fundCode}-${year}-${String(number).padStart(6, "0")}`;

/** Donations whose journal entry has not been reversed: the ones that count in every total. */
const NOT_REVERSED = Prisma.sql`NOT EXISTS (SELECT 1 FROM "JournalEntry" r WHERE r."reversesId" = d."journalEntryId")`;

const GROUP_KEYS: Record<FundingGroupBy, Prisma.Sql> = {
  [FundingGroupBy.FUND]: Prisma.sql`f."code"`,
  // Folded into cities by the resolver, which knows the region tree.
  [FundingGroupBy.CITY]: Prisma.sql`f."ownerRegionCode"`,
  [FundingGroupBy.MONTH]: Prisma.sql`to_char(d."receivedOn", 'YYYY-MM')`,
  [FundingGroupBy.YEAR]: Prisma.sql`to_char(d."receivedOn", 'YYYY')`,
  [FundingGroupBy.PURPOSE]: Prisma.sql`d."purpose"::text`,
  // Anonymous gifts are one group: a donor who asked not to be named is never a key.
  [FundingGroupBy.DONOR]: Prisma.sql`CASE WHEN d."anonymous" THEN 'ANONYMOUS'
    WHEN d."donorOrganisationId" IS NOT NULL THEN 'ORGANISATION:' || d."donorOrganisationId"::text
    ELSE 'INDIVIDUAL:' || COALESCE(d."donorName", '') END`,
  [FundingGroupBy.DESIGNATION]: Prisma.sql`d."purpose"::text
    || COALESCE(':SITE:' || d."siteId"::text, '') || COALESCE(':PROJECT:' || d."projectId"::text, '')`,
};

/** The unique index on the donations' idempotency keys. */
export const DONATION_KEY = "Donation_idempotencyKey_key";

/** The only code in this service that touches the Donation and ReceiptCounter tables. */
export class DonationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIdempotencyKey(idempotencyKey: string): Promise<Donation | null> {
    return this.prisma.donation.findUnique({ where: { idempotencyKey } });
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /**
   * The next receipt number of a fund and year: the counter row created at 1 or incremented (an
   * UPDATE … RETURNING when it exists). Either way the row is locked until commit, so concurrent
   * donations take numbers one after another, and a donation that rolls back gives its number back.
   * No gaps, no duplicates.
   */
  async nextReceiptNumber(tx: Prisma.TransactionClient, fund: { id: string; code: string }, year: number) {
    const [counter] = await tx.$queryRaw<{ lastNumber: number }[]>`
      INSERT INTO "ReceiptCounter" ("fundId", "year", "lastNumber")
      VALUES (${fund.id}::uuid, ${year}, 1)
      ON CONFLICT ("fundId", "year") DO UPDATE SET "lastNumber" = "ReceiptCounter"."lastNumber" + 1
      RETURNING "lastNumber"`;
    return receiptNumber(fund.code, year, counter!.lastNumber);
  }

  create(tx: Prisma.TransactionClient, donation: Prisma.DonationUncheckedCreateInput): Promise<Donation> {
    return tx.donation.create({ data: donation });
  }

  /**
   * A pledge instalment's amount, its row LOCKED until the transaction ends (two gifts racing to pay
   * it take turns); null when there is no such instalment.
   */
  async lockInstalment(tx: Prisma.TransactionClient, instalmentId: string): Promise<bigint | null> {
    const [row] = await tx.$queryRaw<{ amountFen: bigint }[]>`
      SELECT "amountFen" FROM "PledgeInstalment" WHERE "id" = ${instalmentId}::uuid FOR UPDATE`;
    return row ? BigInt(row.amountFen) : null;
  }

  /**
   * What the gifts not reversed have paid of an instalment. Run after its lock, as a statement of its
   * own: under READ COMMITTED a sum taken in the locking statement would come from before the lock.
   */
  async paidOnInstalment(tx: Prisma.TransactionClient, instalmentId: string): Promise<bigint> {
    const [paid] = await tx.$queryRaw<{ paidFen: bigint }[]>`
      SELECT COALESCE(SUM(d."amountFen"), 0)::bigint AS "paidFen" FROM "Donation" d
      WHERE d."pledgeInstalmentId" = ${instalmentId}::uuid AND ${NOT_REVERSED}`;
    return BigInt(paid!.paidFen);
  }

  list(query: DonationQuery, page: PageRequest): Promise<ConnectionResult<Donation>> {
    const where: Prisma.DonationWhereInput[] = [];
    if (query.fundIds) where.push({ fundId: { in: query.fundIds } });
    if (query.donorOrganisationId) where.push({ donorOrganisationId: query.donorOrganisationId });
    if (query.from) where.push({ receivedOn: { gte: query.from } });
    if (query.to) where.push({ receivedOn: { lte: query.to } });
    return paginate<Donation>(this.prisma.donation, {
      where: { AND: where },
      order: [
        { field: "receivedOn", direction: "desc" },
        { field: "id", direction: "desc" },
      ],
      page,
    });
  }

  /** The ids, among these journal entries, of those that have been reversed: one query. */
  async reversedEntries(entryIds: readonly string[]): Promise<Set<string>> {
    const valid = entryIds.filter(isUuid);
    if (valid.length === 0) return new Set();
    const rows = await this.prisma.journalEntry.findMany({
      where: { reversesId: { in: valid } },
      select: { reversesId: true },
    });
    return new Set(rows.map((row) => row.reversesId!));
  }

  /** Money designated to each of many homes (reversed gifts left out), in ONE grouped query. */
  sumsBySite(siteIds: readonly string[]): Promise<Map<string, bigint>> {
    return this.sumsBy(Prisma.sql`d."siteId"`, siteIds, Prisma.sql`TRUE`);
  }

  /** Money designated to each of many projects (reversed gifts left out), in ONE grouped query. */
  sumsByProject(projectIds: readonly string[]): Promise<Map<string, bigint>> {
    return this.sumsBy(Prisma.sql`d."projectId"`, projectIds, Prisma.sql`TRUE`);
  }

  /** Gifts received by the funds run within each region (and below it), in ONE query. */
  async sumsWithinRegions(codes: readonly string[]): Promise<Map<string, bigint>> {
    const sums = new Map<string, bigint>();
    const prefixes = [...new Set(codes.map((code) => code.replace(/(00)+$/, "")))];
    if (prefixes.length === 0) return sums;
    const rows = await this.prisma.$queryRaw<{ prefix: string; totalFen: bigint }[]>`
      SELECT p."prefix", COALESCE(SUM(d."amountFen"), 0)::bigint AS "totalFen"
      FROM unnest(${prefixes}::text[]) AS p("prefix")
      LEFT JOIN "Fund" f ON starts_with(f."ownerRegionCode", p."prefix")
      LEFT JOIN "Donation" d ON d."fundId" = f."id" AND d."currency" = 'CNY' AND ${NOT_REVERSED}
      GROUP BY p."prefix"`;
    const byPrefix = new Map(rows.map((row) => [row.prefix, BigInt(row.totalFen)]));
    for (const code of codes) sums.set(code, byPrefix.get(code.replace(/(00)+$/, "")) ?? 0n);
    return sums;
  }

  /**
   * What each of many organisations gave, in ONE grouped query: the gifts it gave in its own name
   * (an anonymous gift is not attributed in public) and that were not reversed.
   */
  sumsByOrganisation(organisationIds: readonly string[]): Promise<Map<string, bigint>> {
    return this.sumsBy(Prisma.sql`d."donorOrganisationId"`, organisationIds, Prisma.sql`NOT d."anonymous"`);
  }

  private async sumsBy(column: Prisma.Sql, ids: readonly string[], condition: Prisma.Sql) {
    const sums = new Map<string, bigint>();
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return sums;
    const rows = await this.prisma.$queryRaw<{ id: string; totalFen: bigint }[]>`
      SELECT ${column} AS "id", SUM(d."amountFen")::bigint AS "totalFen"
      FROM "Donation" d
      WHERE ${column} = ANY(${valid}::uuid[]) AND d."currency" = 'CNY' AND ${condition} AND ${NOT_REVERSED}
      GROUP BY ${column}`;
    for (const row of rows) sums.set(row.id, BigInt(row.totalFen));
    return sums;
  }

  /** Donations received (not reversed), grouped, in one query. */
  async totals(
    groupBy: FundingGroupBy,
    filter: { fundId: string | null; from: Date | null; to: Date | null },
  ): Promise<TotalRow[]> {
    const key = GROUP_KEYS[groupBy];
    const conditions = [Prisma.sql`d."currency" = 'CNY'`, NOT_REVERSED];
    if (filter.fundId) conditions.push(Prisma.sql`d."fundId" = ${filter.fundId}::uuid`);
    if (filter.from) conditions.push(Prisma.sql`d."receivedOn" >= ${filter.from}::date`);
    if (filter.to) conditions.push(Prisma.sql`d."receivedOn" <= ${filter.to}::date`);
    const rows = await this.prisma.$queryRaw<
      { key: string; fundName: string; totalFen: bigint; donations: number }[]
    >`
      SELECT ${key} AS "key", MIN(f."name") AS "fundName", SUM(d."amountFen")::bigint AS "totalFen",
             COUNT(*)::int AS "donations"
      FROM "Donation" d JOIN "Fund" f ON f."id" = d."fundId"
      WHERE ${Prisma.join(conditions, " AND ")}
      GROUP BY 1
      ORDER BY 1`;
    return rows.map((row) => ({ ...row, totalFen: BigInt(row.totalFen), donations: Number(row.donations) }));
  }
}
