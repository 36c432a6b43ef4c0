import { isUuid } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { InventoryLineInput } from "./equipment.inputs.js";
import type { EquipmentItem, InventoryLine } from "./equipment.type.js";

/** The standard and the homes' inventories: the only code touching those tables. */
export class EquipmentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  standard(): Promise<EquipmentItem[]> {
    return this.prisma.equipmentItem.findMany({ orderBy: { position: "asc" } });
  }

  inventories(siteIds: readonly string[]): Promise<(InventoryLine & { siteId: string })[]> {
    const valid = [...new Set(siteIds.filter(isUuid))];
    return valid.length
      ? this.prisma.inventoryItem.findMany({ where: { siteId: { in: valid } } })
      : Promise.resolve([]);
  }

  /** Sets the counts given, in one transaction. */
  async setCounts(siteId: string, items: readonly InventoryLineInput[]): Promise<void> {
    await this.prisma.$transaction(
      items.map((item) =>
        this.prisma.inventoryItem.upsert({
          where: { siteId_itemCode: { siteId, itemCode: item.itemCode } },
          create: { siteId, itemCode: item.itemCode, count: item.count },
          update: { count: item.count },
        }),
      ),
    );
  }

  /** Adds delivered items to a home's inventory inside the caller's transaction. */
  async addToInventory(
    tx: Prisma.TransactionClient,
    siteId: string,
    lines: readonly { itemCode: string; count: number }[],
  ): Promise<void> {
    for (const line of lines) {
      await tx.$executeRaw`
        INSERT INTO "InventoryItem" ("siteId", "itemCode", "count", "updatedAt")
        VALUES (${siteId}::uuid, ${line.itemCode}, ${line.count}, now())
        ON CONFLICT ("siteId", "itemCode") DO UPDATE SET "count" = "InventoryItem"."count" + EXCLUDED."count", "updatedAt" = now()`;
    }
  }
}
