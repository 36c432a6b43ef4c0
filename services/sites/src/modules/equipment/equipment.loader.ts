import type { SitesContext } from "../../context.js";
import type { EquipmentItem, InventoryLine } from "./equipment.type.js";

/** The standard, read once per request. */
export function standardLoader(context: SitesContext) {
  return context.loaders.get<"all", EquipmentItem[]>("equipment.standard", async (keys) => {
    const standard = await context.equipment.standard();
    return keys.map(() => standard);
  });
}

/** Each home's inventory: one query per batch. */
export function inventoryLoader(context: SitesContext) {
  return context.loaders.get<string, InventoryLine[]>("equipment.inventory", async (ids) => {
    const rows = await context.equipment.inventories(ids);
    return ids.map((id) => rows.filter((row) => row.siteId === id));
  });
}
