import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { InKindDeliveryRow, InKindGiftRow } from "./inkind.type.js";

/** The unique index on the gifts' idempotency keys. */
export const IN_KIND_KEY = "InKindGift_idempotencyKey_key";

const DELIVERY_ORDER: readonly SqlOrderKey[] = [
  { field: "deliveredOn", direction: "asc", type: "date" },
  { field: "id", direction: "asc", type: "uuid" },
];

/** The only code in this service that touches gifts in kind and their deliveries. */
export class InKindRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<InKindGiftRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.inKindGift.findMany({ where: { id: { in: valid } } });
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<InKindGiftRow | null> {
    return this.prisma.inKindGift.findUnique({ where: { idempotencyKey } });
  }

  create(tx: Prisma.TransactionClient, gift: Prisma.InKindGiftUncheckedCreateInput): Promise<InKindGiftRow> {
    return tx.inKindGift.create({ data: gift });
  }

  /**
   * How many items of a gift were delivered, its row LOCKED until the transaction ends. The lock is
   * taken first and the count in a statement of its own: under READ COMMITTED a count taken in the
   * locking statement would come from before the lock was granted.
   */
  async lockDelivered(tx: Prisma.TransactionClient, giftId: string): Promise<number> {
    await tx.$queryRaw`SELECT "id" FROM "InKindGift" WHERE "id" = ${giftId}::uuid FOR UPDATE`;
    const [row] = await tx.$queryRaw<{ delivered: number }[]>`
      SELECT COALESCE(SUM("quantity"), 0)::int AS "delivered" FROM "InKindDelivery" WHERE "giftId" = ${giftId}::uuid`;
    return Number(row!.delivered);
  }

  createDelivery(
    tx: Prisma.TransactionClient,
    delivery: Prisma.InKindDeliveryUncheckedCreateInput,
  ): Promise<InKindDeliveryRow> {
    return tx.inKindDelivery.create({ data: delivery });
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

  /** The same page of the deliveries of each of many gifts, oldest first, in ONE query. */
  deliveryPages(
    giftIds: readonly string[],
    page: PageRequest,
    countTotal: (giftId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<InKindDeliveryRow>>> {
    return pagesByParent<InKindDeliveryRow>(this.prisma, {
      from: "InKindDelivery",
      parent: "giftId",
      order: DELIVERY_ORDER,
      parentIds: giftIds,
      page,
      countTotal,
    });
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
