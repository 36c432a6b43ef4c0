import { byKeys } from "@lamplight/subgraph-kit";
import type { SitesContext } from "../../context.js";
import type { ProcurementOrder, Shipment, ShipmentLine } from "./procurement.type.js";

export function orderLoader(context: SitesContext) {
  return context.loaders.get<string, ProcurementOrder | null>("procurement.order", async (ids) =>
    byKeys(ids, await context.procurement.findOrders(ids), (row) => row.id),
  );
}

export function shipmentLoader(context: SitesContext) {
  return context.loaders.get<string, Shipment | null>("procurement.shipment", async (ids) =>
    byKeys(ids, await context.procurement.findShipments(ids), (row) => row.id),
  );
}

export function linesLoader(context: SitesContext) {
  return context.loaders.get<string, ShipmentLine[]>("procurement.lines", async (ids) => {
    const lines = await context.procurement.linesOf(ids);
    return ids.map((id) => lines.filter((line) => line.shipmentId === id));
  });
}
