import { violatesUniqueConstraint } from "@lamplight/db-kit";
import {
  BadUserInputError,
  ConflictError,
  type ConnectionResult,
  formatFen,
  isUuid,
  type PageRequest,
  paginate,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { Currency, JournalEntryKind, type Purpose } from "../../generated/prisma/enums.js";
import { BANK_ACCOUNT, incomeAccount } from "../fund/fund.chart.js";
import type { Fund } from "../fund/fund.type.js";
import { postEntry } from "../journal/journal.repository.js";
import type { LineDraft } from "../journal/journal.rules.js";
import { type Donation, FundingGroupBy } from "./donation.type.js";

/** A donation as checked by the resolver, ready to record. */
export interface DonationRecord {
  idempotencyKey: string;
  fund: Fund;
  donorOrganisationId: string | null;
  donorName: string | null;
  anonymous: boolean;
  amountFen: bigint;
  receivedOn: Date;
  channel: Donation["channel"];
  purpose: Purpose;
  siteId: string | null;
  projectId: string | null;
  /** The pledge instalment the gift pays, if any (checked by the resolver against the pledge). */
  pledgeInstalmentId: string | null;
  recordedBy: string;
}

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

const isDuplicateKey = (error: unknown) => violatesUniqueConstraint(error, "Donation_idempotencyKey_key");

/** The only code in this service that touches the Donation and ReceiptCounter tables. */
export class DonationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIdempotencyKey(idempotencyKey: string): Promise<Donation | null> {
    return this.prisma.donation.findUnique({ where: { idempotencyKey } });
  }

  /**
   * Records a gift in ONE transaction: the next receipt number of its fund and year, the journal
   * entry (debit the fund's bank, credit the income of its designation) and the donation row.
   * Idempotent: a key already used returns the first donation and writes nothing, also when two
   * requests with one key race (the unique index decides, the loser reads the winner's row).
   */
  async record(record: DonationRecord): Promise<{ donation: Donation; created: boolean }> {
    const existing = await this.findByIdempotencyKey(record.idempotencyKey);
    if (existing) return { donation: sameGift(existing, record), created: false };
    try {
      const donation = await this.prisma.$transaction(async (tx) => {
        const accounts = await tx.account.findMany({
          where: { fundId: record.fund.id, code: { in: [BANK_ACCOUNT, incomeAccount(record.purpose)] } },
        });
        const bank = accounts.find((account) => account.code === BANK_ACCOUNT);
        const income = accounts.find((account) => account.code === incomeAccount(record.purpose));
        if (!bank || !income) throw new Error(`fund ${record.fund.code} lacks its chart of accounts`);
        const lines: LineDraft[] = [
          { accountId: bank.id, amountFen: record.amountFen, currency: Currency.CNY },
          { accountId: income.id, amountFen: -record.amountFen, currency: Currency.CNY },
        ];
        // The counter row of this fund and year, created at 1 or incremented (an UPDATE … RETURNING
        // when it exists): either way the row is locked until commit, so concurrent donations take
        // numbers one after another, and a donation that rolls back gives its number back. No gaps,
        // no duplicates.
        if (record.pledgeInstalmentId) await checkInstalment(tx, record.pledgeInstalmentId, record.amountFen);
        const year = record.receivedOn.getUTCFullYear();
        const [counter] = await tx.$queryRaw<{ lastNumber: number }[]>`
          INSERT INTO "ReceiptCounter" ("fundId", "year", "lastNumber")
          VALUES (${record.fund.id}::uuid, ${year}, 1)
          ON CONFLICT ("fundId", "year") DO UPDATE SET "lastNumber" = "ReceiptCounter"."lastNumber" + 1
          RETURNING "lastNumber"`;
        const receipt = receiptNumber(record.fund.code, year, counter!.lastNumber);
        const entry = await postEntry(tx, {
          fundId: record.fund.id,
          memo: `Donation ${receipt}`,
          kind: JournalEntryKind.DONATION,
          createdBy: record.recordedBy,
          lines,
        });
        return tx.donation.create({
          data: {
            idempotencyKey: record.idempotencyKey,
            fundId: record.fund.id,
            donorOrganisationId: record.donorOrganisationId,
            donorName: record.donorName,
            anonymous: record.anonymous,
            amountFen: record.amountFen,
            currency: Currency.CNY,
            receivedOn: record.receivedOn,
            channel: record.channel,
            purpose: record.purpose,
            siteId: record.siteId,
            projectId: record.projectId,
            pledgeInstalmentId: record.pledgeInstalmentId,
            receiptNumber: receipt,
            journalEntryId: entry.id,
            recordedBy: record.recordedBy,
          },
        });
      });
      return { donation, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.findByIdempotencyKey(record.idempotencyKey);
      if (!winner) throw error;
      return { donation: sameGift(winner, record), created: false };
    }
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

/**
 * A gift paying a pledge instalment: the instalment's row is locked, so two gifts racing to pay it
 * take turns, and together they never pay more than it asks.
 */
async function checkInstalment(tx: Prisma.TransactionClient, instalmentId: string, amountFen: bigint) {
  // Lock first, then sum in a statement of its own: under READ COMMITTED a sum taken in the locking
  // statement would come from before the lock was granted.
  const [row] = await tx.$queryRaw<{ amountFen: bigint }[]>`
    SELECT "amountFen" FROM "PledgeInstalment" WHERE "id" = ${instalmentId}::uuid FOR UPDATE`;
  if (!row) {
    throw new BadUserInputError("input.pledgeInstalmentId is not an instalment", {
      field: "input.pledgeInstalmentId",
    });
  }
  const [paid] = await tx.$queryRaw<{ paidFen: bigint }[]>`
    SELECT COALESCE(SUM(d."amountFen"), 0)::bigint AS "paidFen" FROM "Donation" d
    WHERE d."pledgeInstalmentId" = ${instalmentId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "JournalEntry" r WHERE r."reversesId" = d."journalEntryId")`;
  const left = BigInt(row.amountFen) - BigInt(paid!.paidFen);
  if (amountFen > left) {
    throw new BadUserInputError(`The instalment has only ${formatFen(left)} yuan left to pay`, {
      field: "input.amount",
    });
  }
}

/** A retry must be the same gift: the same key for another fund or amount is a client error. */
function sameGift(donation: Donation, record: DonationRecord): Donation {
  if (donation.fundId !== record.fund.id || donation.amountFen !== record.amountFen) {
    throw new ConflictError(
      "idempotencyKey was already used for a different donation; use a new key for a new gift",
      { donationId: donation.id },
    );
  }
  return donation;
}
