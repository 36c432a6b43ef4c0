import { BadUserInputError } from "@lamplight/platform";
import type { Prisma } from "../../generated/prisma/client.js";
import type { InventoryLineInput } from "./equipment.inputs.js";
import type { EquipmentRepository } from "./equipment.repository.js";

/** The homes' inventories against the standard list of equipment. */
export class EquipmentService {
  constructor(private readonly equipment: EquipmentRepository) {}

  /** Checks that every item code is in the standard; BAD_USER_INPUT naming the first that is not. */
  async requireItems(codes: readonly string[], field: string): Promise<void> {
    const known = new Set((await this.equipment.standard()).map((item) => item.code));
    const unknown = codes.find((code) => !known.has(code));
    if (unknown)
      throw new BadUserInputError(`${field}: "${unknown}" is not an item of the standard`, { field });
  }

  /** Sets the counts given, in one transaction. */
  async setCounts(siteId: string, items: readonly InventoryLineInput[]): Promise<void> {
    await this.requireItems(
      items.map((item) => item.itemCode),
      "input.items",
    );
    await this.equipment.setCounts(siteId, items);
  }

  /** Adds delivered items to a home's inventory inside the caller's transaction. */
  receive(
    tx: Prisma.TransactionClient,
    siteId: string,
    lines: readonly { itemCode: string; count: number }[],
  ): Promise<void> {
    return this.equipment.addToInventory(tx, siteId, lines);
  }
}
