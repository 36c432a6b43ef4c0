import { createOnce } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError } from "@lamplight/platform";
import { Currency, type InKindCategory, JournalEntryKind } from "../../generated/prisma/enums.js";
import { IN_KIND_DELIVERED, IN_KIND_GOODS, IN_KIND_INCOME } from "../fund/fund.chart.js";
import type { Fund } from "../fund/fund.type.js";
import type { JournalService } from "../journal/journal.service.js";
import { IN_KIND_KEY, type InKindRepository } from "./inkind.repository.js";
import type { InKindDeliveryRow, InKindGiftRow } from "./inkind.type.js";

/** A gift in kind as checked by the resolver, ready to record. */
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

/** Items of a gift handed to a home, as checked by the resolver. */
export interface InKindHandover {
  siteId: string;
  quantity: number;
  deliveredOn: Date;
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

/** Gifts in kind: received into a fund's books at their estimated value, then delivered to homes. */
export class InKindService {
  constructor(
    private readonly inKind: InKindRepository,
    private readonly journal: JournalService,
  ) {}

  /** The gift and its journal entry (debit goods held, credit income in kind), in one transaction. */
  async record(record: InKindRecord): Promise<InKindGiftRow> {
    const { row, created } = await createOnce({
      find: () => this.inKind.findByIdempotencyKey(record.idempotencyKey),
      constraint: IN_KIND_KEY,
      create: () =>
        this.inKind.transaction(async (tx) => {
          const accounts = await this.journal.accountIds(tx, record.fund.id, [IN_KIND_GOODS, IN_KIND_INCOME]);
          const entry = await this.journal.post(tx, {
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
          return this.inKind.create(tx, { ...gift, fundId: fund.id, journalEntryId: entry.id });
        }),
    });
    if (!created && (row.fundId !== record.fund.id || row.estimatedValueFen !== record.estimatedValueFen)) {
      throw new ConflictError("idempotencyKey was already used for a different gift", { giftId: row.id });
    }
    return row;
  }

  /**
   * Hands items to a home: under the gift's row lock, checks no more items are delivered than were
   * given, then posts their value from goods held to delivered.
   */
  deliver(gift: InKindGiftRow, delivery: InKindHandover): Promise<InKindDeliveryRow> {
    return this.inKind.transaction(async (tx) => {
      const delivered = await this.inKind.lockDelivered(tx, gift.id);
      if (delivered + delivery.quantity > gift.quantity) {
        throw new BadUserInputError(
          `Only ${gift.quantity - delivered} items of this gift are left to deliver`,
          {
            field: "input.quantity",
          },
        );
      }
      const valueFen = deliveryValue(gift, delivered, delivery.quantity);
      const accounts = await this.journal.accountIds(tx, gift.fundId, [IN_KIND_DELIVERED, IN_KIND_GOODS]);
      const entry = await this.journal.post(tx, {
        fundId: gift.fundId,
        memo: `Delivered ${delivery.quantity} × ${gift.description}`,
        kind: JournalEntryKind.IN_KIND_DELIVERY,
        createdBy: delivery.recordedBy,
        lines: [
          { accountId: accounts.get(IN_KIND_DELIVERED)!, amountFen: valueFen, currency: Currency.CNY },
          { accountId: accounts.get(IN_KIND_GOODS)!, amountFen: -valueFen, currency: Currency.CNY },
        ],
      });
      return this.inKind.createDelivery(tx, {
        giftId: gift.id,
        ...delivery,
        valueFen,
        journalEntryId: entry.id,
      });
    });
  }
}
