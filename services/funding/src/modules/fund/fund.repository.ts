import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Fund, FundKind } from "./fund.type.js";

/** What the ledger says of a fund: the bank balance and what it raised, both in fen. */
export interface FundTotals {
  balanceFen: bigint;
  raisedFen: bigint;
  grantedFen: bigint;
}

/** An account of a fund's chart with its balance in fen (debits positive, credits negative). */
export interface AccountBalanceRow {
  code: string;
  name: string;
  kind: string;
  purpose: string | null;
  balanceFen: bigint;
}

const NOTHING: FundTotals = Object.freeze({ balanceFen: 0n, raisedFen: 0n, grantedFen: 0n });

/** The only code in this service that reads the Fund table (and the ledger's per-fund totals). */
export class FundRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** One query for any number of ids (DataLoader batches); ids that are not UUIDs match nothing. */
  findByIds(ids: readonly string[]): Promise<Fund[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.fund.findMany({ where: { id: { in: valid } } });
  }

  findByCodes(codes: readonly string[]): Promise<Fund[]> {
    return this.prisma.fund.findMany({ where: { code: { in: [...codes] } } });
  }

  /** Every fund (a few dozen): for working out which of them a finance officer manages. */
  all(): Promise<Fund[]> {
    return this.prisma.fund.findMany({ orderBy: { code: "asc" } });
  }

  list(kind: FundKind | null | undefined, page: PageRequest): Promise<ConnectionResult<Fund>> {
    return paginate<Fund>(this.prisma.fund, {
      where: kind ? { kind } : {},
      order: [
        { field: "code", direction: "asc" },
        { field: "id", direction: "asc" },
      ],
      page,
    });
  }

  /**
   * Every account of many funds with its balance (debits positive), in ONE grouped query: the trial
   * balance an auditor reads. A fund's balances sum to zero.
   */
  async accountBalances(fundIds: readonly string[]): Promise<Map<string, AccountBalanceRow[]>> {
    const balances = new Map<string, AccountBalanceRow[]>(fundIds.map((id) => [id, []]));
    const valid = [...new Set(fundIds.filter(isUuid))];
    if (valid.length === 0) return balances;
    const rows = await this.prisma.$queryRaw<(AccountBalanceRow & { fundId: string })[]>`
      SELECT a."fundId", a."code", a."name", a."kind"::text AS "kind", a."purpose"::text AS "purpose",
             COALESCE(SUM(l."amountFen"), 0)::bigint AS "balanceFen"
      FROM "Account" a LEFT JOIN "JournalLine" l ON l."accountId" = a."id"
      WHERE a."fundId" = ANY(${valid}::uuid[])
      GROUP BY a."id" ORDER BY a."fundId", a."code"`;
    for (const { fundId, ...row } of rows)
      balances.get(fundId)?.push({ ...row, balanceFen: BigInt(row.balanceFen) });
    return balances;
  }

  /**
   * Balance (the bank account: debits positive) and money raised (the income accounts: credits,
   * negated) of many funds in ONE aggregate over the journal lines. Nothing is stored: the ledger
   * is the only truth, so a reversal shows at once.
   */
  async totals(fundIds: readonly string[]): Promise<Map<string, FundTotals>> {
    const totals = new Map<string, FundTotals>(fundIds.map((id) => [id, NOTHING]));
    const valid = [...new Set(fundIds.filter(isUuid))];
    if (valid.length === 0) return totals;
    const rows = await this.prisma.$queryRaw<
      { fundId: string; balanceFen: bigint; raisedFen: bigint; grantedFen: bigint }[]
    >`
      SELECT a."fundId",
             COALESCE(SUM(l."amountFen") FILTER (WHERE a."kind" = 'ASSET_BANK'), 0)::bigint AS "balanceFen",
             COALESCE(-SUM(l."amountFen") FILTER (WHERE a."kind" = 'INCOME_DONATIONS'), 0)::bigint AS "raisedFen",
             COALESCE(SUM(l."amountFen") FILTER (WHERE a."kind" = 'EXPENSE_GRANTS'), 0)::bigint AS "grantedFen"
      FROM "JournalLine" l JOIN "Account" a ON a."id" = l."accountId"
      WHERE a."fundId" = ANY(${valid}::uuid[]) AND l."currency" = 'CNY'
      GROUP BY a."fundId"`;
    for (const row of rows) {
      totals.set(row.fundId, {
        balanceFen: BigInt(row.balanceFen),
        raisedFen: BigInt(row.raisedFen),
        grantedFen: BigInt(row.grantedFen),
      });
    }
    return totals;
  }
}
