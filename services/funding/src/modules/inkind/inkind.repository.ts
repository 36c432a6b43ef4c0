import { violatesUniqueConstraint } from "@lamplight/db-kit";
import {
  BadUserInputError,
  ConflictError,
  type ConnectionResult,
  decodeCursor,
  isUuid,
  type PageRequest,
  paginate,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { Currency, type InKindCategory, JournalEntryKind } from "../../generated/prisma/enums.js";
import { IN_KIND_DELIVERED, IN_KIND_GOODS, IN_KIND_INCOME } from "../fund/fund.chart.js";
import type { Fund } from "../fund/fund.type.js";
import { accountIds, postEntry } from "../journal/journal.repository.js";
import type { InKindDeliveryRow, InKindGiftRow } from "./inkind.type.js";

export interface InKindRecord {
  idempotencyKey: string;
  fund: Fund;
  donorOrganisationId: string | null;
  donorName: string | null;
  anonymous: boolean;
  category: InKindCategory;
  description: string;
  quantity: number;
  estimatedValueFen: bigint;
  receivedOn: Date;
  recordedBy: string;
}

/**
 * The value of `quantity` items of a gift delivered after `deliveredBefore` items: proportional,
 * in whole fen, and the last delivery takes the remainder so a gift delivered in full moves exactly
 * its estimated value.
 */
export function deliveryValue(
  gift: { quantity: number; estimatedValueFen: bigint },
  deliveredBefore: number,
  quantity: number,
): bigint {
  const total = BigInt(gift.quantity);
  const upTo = (count: number) => (gift.estimatedValueFen * BigInt(count)) / total;
  return upTo(deliveredBefore + quantity) - upTo(deliveredBefore);
}

/** The only code in this service that touches gifts in kind and their deliveries. */
export class InKindRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<InKindGiftRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.inKindGift.findMany({ where: { id: { in: valid } } });
  }

  /** The gift and its journal entry (debit goods held, credit income in kind), in one transaction. */
  async record(record: InKindRecord): Promise<InKindGiftRow> {
    const find = () =>
      this.prisma.inKindGift.findUnique({ where: { idempotencyKey: record.idempotencyKey } });
    const same = (gift: InKindGiftRow) => {
      if (gift.fundId !== record.fund.id || gift.estimatedValueFen !== record.estimatedValueFen) {
        throw new ConflictError("idempotencyKey was already used for a different gift", { giftId: gift.id });
      }
      return gift;
    };
    const existing = await find();
    if (existing) return same(existing);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const accounts = await accountIds(tx, record.fund.id, [IN_KIND_GOODS, IN_KIND_INCOME]);
        const entry = await postEntry(tx, {
          fundId: record.fund.id,
          memo: `Gift in kind: ${record.description}`,
          kind: JournalEntryKind.IN_KIND_RECEIPT,
          createdBy: record.recordedBy,
          lines: [
            {
              accountId: accounts.get(IN_KIND_GOODS)!,
              amountFen: record.estimatedValueFen,
              currency: Currency.CNY,
            },
            {
              accountId: accounts.get(IN_KIND_INCOME)!,
              amountFen: -record.estimatedValueFen,
              currency: Currency.CNY,
            },
          ],
        });
        const { fund, ...gift } = record;
        return tx.inKindGift.create({ data: { ...gift, fundId: fund.id, journalEntryId: entry.id } });
      });
    } catch (error) {
      if (!violatesUniqueConstraint(error, "InKindGift_idempotencyKey_key")) throw error;
      const winner = await find();
      if (!winner) throw error;
      return same(winner);
    }
  }

  /**
   * Hands items to a home: under the gift's row lock, checks no more items are delivered than were
   * given, then posts their value from goods held to delivered.
   */
  async deliver(
    gift: InKindGiftRow,
    delivery: { siteId: string; quantity: number; deliveredOn: Date; recordedBy: string },
  ): Promise<InKindDeliveryRow> {
    return this.prisma.$transaction(async (tx) => {
      // Lock first, then count in a statement of its own: under READ COMMITTED a count taken in the
      // locking statement would come from before the lock was granted.
      await tx.$queryRaw`SELECT "id" FROM "InKindGift" WHERE "id" = ${gift.id}::uuid FOR UPDATE`;
      const [row] = await tx.$queryRaw<{ delivered: number }[]>`
        SELECT COALESCE(SUM("quantity"), 0)::int AS "delivered" FROM "InKindDelivery" WHERE "giftId" = ${gift.id}::uuid`;
      const delivered = Number(row!.delivered);
      if (delivered + delivery.quantity > gift.quantity) {
        throw new BadUserInputError(
          `Only ${gift.quantity - delivered} items of this gift are left to deliver`,
          {
            field: "input.quantity",
          },
        );
      }
      const valueFen = deliveryValue(gift, delivered, delivery.quantity);
      const accounts = await accountIds(tx, gift.fundId, [IN_KIND_DELIVERED, IN_KIND_GOODS]);
      const entry = await postEntry(tx, {
        fundId: gift.fundId,
        memo: `Delivered ${delivery.quantity} × ${gift.description}`,
        kind: JournalEntryKind.IN_KIND_DELIVERY,
        createdBy: delivery.recordedBy,
        lines: [
          { accountId: accounts.get(IN_KIND_DELIVERED)!, amountFen: valueFen, currency: Currency.CNY },
          { accountId: accounts.get(IN_KIND_GOODS)!, amountFen: -valueFen, currency: Currency.CNY },
        ],
      });
      return tx.inKindDelivery.create({
        data: { giftId: gift.id, ...delivery, valueFen, journalEntryId: entry.id },
      });
    });
  }

  list(fundId: string, page: PageRequest): Promise<ConnectionResult<InKindGiftRow>> {
    return paginate<InKindGiftRow>(this.prisma.inKindGift, {
      where: { fundId },
      order: [
        { field: "receivedOn", direction: "desc" },
        { field: "id", direction: "desc" },
      ],
      page,
    });
  }

  /**
   * The same page (first + 1 rows) of the deliveries of each of many gifts, oldest first, in ONE
   * query (a window function per gift).
   */
  async deliveryPages(
    giftIds: readonly string[],
    page: PageRequest,
  ): Promise<Map<string, InKindDeliveryRow[]>> {
    const pages = new Map<string, InKindDeliveryRow[]>(giftIds.map((id) => [id, []]));
    const valid = [...new Set(giftIds.filter(isUuid))];
    if (valid.length === 0) return pages;
    let after = Prisma.sql`TRUE`;
    if (page.after) {
      const [on, id] = decodeCursor(page.after, 2);
      if (typeof on !== "string" || Number.isNaN(Date.parse(on)) || typeof id !== "string" || !isUuid(id)) {
        throw new BadUserInputError("after is not a cursor from this connection", { field: "after" });
      }
      const date = on.slice(0, 10);
      after = Prisma.sql`(d."deliveredOn" > ${date}::date OR (d."deliveredOn" = ${date}::date AND d."id" > ${id}::uuid))`;
    }
    const rows = await this.prisma.$queryRaw<(InKindDeliveryRow & { rowNumber: bigint })[]>`
      SELECT * FROM (
        SELECT d.*, row_number() OVER (PARTITION BY d."giftId" ORDER BY d."deliveredOn", d."id") AS "rowNumber"
        FROM "InKindDelivery" d
        WHERE d."giftId" = ANY(${valid}::uuid[]) AND ${after}
      ) AS ranked
      WHERE "rowNumber" <= ${page.first + 1}
      ORDER BY "giftId", "deliveredOn", "id"`;
    for (const { rowNumber: _rowNumber, ...row } of rows) pages.get(row.giftId)?.push(row);
    return pages;
  }

  /** How many deliveries each of many gifts has, in ONE grouped query. */
  async deliveryCounts(giftIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(giftIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const rows = await this.prisma.inKindDelivery.groupBy({
      by: ["giftId"],
      where: { giftId: { in: valid } },
      _count: { _all: true },
    });
    for (const row of rows) counts.set(row.giftId, row._count._all);
    return counts;
  }

  /** Value of goods delivered to each home of the batch, in ONE grouped query. */
  async deliveredToSites(siteIds: readonly string[]): Promise<Map<string, bigint>> {
    const sums = new Map<string, bigint>();
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return sums;
    const rows = await this.prisma.$queryRaw<{ id: string; valueFen: bigint }[]>`
      SELECT "siteId" AS "id", SUM("valueFen")::bigint AS "valueFen" FROM "InKindDelivery"
      WHERE "siteId" = ANY(${valid}::uuid[]) GROUP BY "siteId"`;
    for (const row of rows) sums.set(row.id, BigInt(row.valueFen));
    return sums;
  }

  /** Items delivered per gift of the batch, in ONE grouped query. */
  async deliveredCounts(giftIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(giftIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const rows = await this.prisma.$queryRaw<{ id: string; delivered: number }[]>`
      SELECT "giftId" AS "id", SUM("quantity")::int AS "delivered" FROM "InKindDelivery"
      WHERE "giftId" = ANY(${valid}::uuid[]) GROUP BY "giftId"`;
    for (const row of rows) counts.set(row.id, Number(row.delivered));
    return counts;
  }
}
