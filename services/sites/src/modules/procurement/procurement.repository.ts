import { BadUserInputError, NotFoundError } from "@lamplight/platform";
import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { addToInventory, type EquipmentRepository } from "../equipment/equipment.repository.js";
import type { CreateProcurementOrderInput } from "./procurement.inputs.js";
import type { ProcurementOrder, Shipment, ShipmentLine, ShipmentStatus } from "./procurement.type.js";

const SHIPMENT_ORDER = [{ field: "id", direction: "asc" }] as const;
const STEPS: readonly ShipmentStatus[] = ["ORDERED", "SHIPPED", "DELIVERED", "INSTALLED"];
const STAMP: Partial<Record<ShipmentStatus, "shippedAt" | "deliveredAt" | "installedAt">> = {
  SHIPPED: "shippedAt",
  DELIVERED: "deliveredAt",
  INSTALLED: "installedAt",
};

/** Orders, shipments and their lines: the only code touching those tables. */
export class ProcurementRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly equipment: EquipmentRepository,
  ) {}

  findOrders(ids: readonly string[]): Promise<ProcurementOrder[]> {
    const valid = ids.filter(isUuid);
    return valid.length
      ? this.prisma.procurementOrder.findMany({ where: { id: { in: valid } } })
      : Promise.resolve([]);
  }

  findShipments(ids: readonly string[]): Promise<Shipment[]> {
    const valid = ids.filter(isUuid);
    return valid.length
      ? this.prisma.shipment.findMany({ where: { id: { in: valid } } })
      : Promise.resolve([]);
  }

  linesOf(shipmentIds: readonly string[]): Promise<ShipmentLine[]> {
    const valid = shipmentIds.filter(isUuid);
    return valid.length
      ? this.prisma.shipmentLine.findMany({
          where: { shipmentId: { in: valid } },
          orderBy: { itemCode: "asc" },
        })
      : Promise.resolve([]);
  }

  shipmentsOfOrder(orderId: string, page: PageRequest): Promise<ConnectionResult<Shipment>> {
    return paginate<Shipment>(this.prisma.shipment, { where: { orderId }, order: SHIPMENT_ORDER, page });
  }

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
    if (input.contractId) {
      const contract = await this.prisma.contract.findUnique({ where: { id: input.contractId } });
      if (!contract)
        throw new BadUserInputError(`input.contractId ${input.contractId} is not a contract`, {
          field: "input.contractId",
        });
    }
    return this.prisma.$transaction(async (tx) => {
      const order = await tx.procurementOrder.create({
        data: { title: input.title.trim(), contractId: input.contractId ?? null, createdBy },
      });
      for (const shipment of input.shipments) {
        await tx.shipment.create({
          data: {
            orderId: order.id,
            siteId: shipment.siteId,
            lines: { create: shipment.lines.map((line) => ({ itemCode: line.itemCode, count: line.count })) },
          },
        });
      }
      return order;
    });
  }

  /**
   * Moves a shipment one step on (ordered → shipped → delivered → installed). The row is locked
   * first, so that two deliveries at once add to the inventory once; delivery adds the shipment's
   * lines to the home's inventory in the same transaction.
   */
  async advance(shipmentId: string, to: ShipmentStatus): Promise<Shipment> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ status: ShipmentStatus; siteId: string }[]>`
        SELECT "status"::text AS "status", "siteId" FROM "Shipment" WHERE "id" = ${shipmentId}::uuid FOR UPDATE`;
      const current = locked[0];
      if (!current) throw new NotFoundError("Shipment", shipmentId);
      if (STEPS.indexOf(to) !== STEPS.indexOf(current.status) + 1) {
        throw new BadUserInputError(`A shipment that is ${current.status} cannot become ${to}`, {
          field: "status",
          currentStatus: current.status,
          requestedStatus: to,
        });
      }
      if (to === "DELIVERED") {
        const lines = await tx.shipmentLine.findMany({ where: { shipmentId } });
        await addToInventory(tx, current.siteId, lines);
      }
      const stamp = STAMP[to];
      return tx.shipment.update({
        where: { id: shipmentId },
        data: { status: to, ...(stamp ? { [stamp]: new Date() } : {}) },
      });
    });
  }
}
