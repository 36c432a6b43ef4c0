import { BadUserInputError, NotFoundError } from "@lamplight/platform";
import type { EquipmentService } from "../equipment/equipment.service.js";
import type { CreateProcurementOrderInput } from "./procurement.inputs.js";
import type { ProcurementRepository } from "./procurement.repository.js";
import type { ProcurementOrder, Shipment, ShipmentStatus } from "./procurement.type.js";

const STEPS: readonly ShipmentStatus[] = ["ORDERED", "SHIPPED", "DELIVERED", "INSTALLED"];
const STAMP: Partial<Record<ShipmentStatus, "shippedAt" | "deliveredAt" | "installedAt">> = {
  SHIPPED: "shippedAt",
  DELIVERED: "deliveredAt",
  INSTALLED: "installedAt",
};

/** Ordering equipment for homes and following each home's shipment until it is installed. */
export class ProcurementService {
  constructor(
    private readonly procurement: ProcurementRepository,
    private readonly equipment: EquipmentService,
  ) {}

  /** One order with a shipment and its lines per home, in one transaction. */
  async createOrder(input: CreateProcurementOrderInput, createdBy: string | null): Promise<ProcurementOrder> {
    const siteIds = input.shipments.map((shipment) => shipment.siteId);
    if (new Set(siteIds).size !== siteIds.length) {
      throw new BadUserInputError("input.shipments names a home twice", { field: "input.shipments" });
    }
    await this.equipment.requireItems(
      input.shipments.flatMap((shipment) => shipment.lines.map((line) => line.itemCode)),
      "input.shipments",
    );
    for (const shipment of input.shipments) {
      const codes = shipment.lines.map((line) => line.itemCode);
      if (new Set(codes).size !== codes.length)
        throw new BadUserInputError("A shipment names an item twice", { field: "input.shipments" });
      if (shipment.lines.some((line) => line.count < 1))
        throw new BadUserInputError("A shipment line carries at least one item", {
          field: "input.shipments",
        });
    }
    if (input.contractId && !(await this.procurement.contractExists(input.contractId))) {
      throw new BadUserInputError(`input.contractId ${input.contractId} is not a contract`, {
        field: "input.contractId",
      });
    }
    return this.procurement.createOrder(input, createdBy);
  }

  /**
   * Moves a shipment one step on (ordered → shipped → delivered → installed). The row is locked
   * first, so that two deliveries at once add to the inventory once; delivery adds the shipment's
   * lines to the home's inventory in the same transaction.
   */
  advance(shipmentId: string, to: ShipmentStatus): Promise<Shipment> {
    return this.procurement.transaction(async (tx) => {
      const current = await this.procurement.lockShipment(tx, shipmentId);
      if (!current) throw new NotFoundError("Shipment", shipmentId);
      if (STEPS.indexOf(to) !== STEPS.indexOf(current.status) + 1) {
        throw new BadUserInputError(`A shipment that is ${current.status} cannot become ${to}`, {
          field: "status",
          currentStatus: current.status,
          requestedStatus: to,
        });
      }
      if (to === "DELIVERED") {
        await this.equipment.receive(
          tx,
          current.siteId,
          await this.procurement.linesOfShipment(tx, shipmentId),
        );
      }
      const stamp = STAMP[to];
      return this.procurement.updateShipment(tx, shipmentId, {
        status: to,
        ...(stamp ? { [stamp]: new Date() } : {}),
      });
    });
  }
}
