import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { CreateProcurementOrderInput } from "./procurement.inputs.js";
import type { ProcurementOrder, Shipment, ShipmentLine, ShipmentStatus } from "./procurement.type.js";

const SHIPMENT_ORDER = [{ field: "id", direction: "asc" }] as const;

/** Orders, shipments and their lines: the only code touching those tables. */
export class ProcurementRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  async contractExists(id: string): Promise<boolean> {
    return (await this.prisma.contract.findUnique({ where: { id }, select: { id: true } })) !== null;
  }

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
  createOrder(input: CreateProcurementOrderInput, createdBy: string | null): Promise<ProcurementOrder> {
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

  /** A shipment's status and home, its row LOCKED until the transaction ends; null when there is none. */
  async lockShipment(
    tx: Prisma.TransactionClient,
    shipmentId: string,
  ): Promise<{ status: ShipmentStatus; siteId: string } | null> {
    const [locked] = await tx.$queryRaw<{ status: ShipmentStatus; siteId: string }[]>`
      SELECT "status"::text AS "status", "siteId" FROM "Shipment" WHERE "id" = ${shipmentId}::uuid FOR UPDATE`;
    return locked ?? null;
  }

  linesOfShipment(tx: Prisma.TransactionClient, shipmentId: string): Promise<ShipmentLine[]> {
    return tx.shipmentLine.findMany({ where: { shipmentId } });
  }

  updateShipment(
    tx: Prisma.TransactionClient,
    shipmentId: string,
    change: Prisma.ShipmentUncheckedUpdateInput,
  ): Promise<Shipment> {
    return tx.shipment.update({ where: { id: shipmentId }, data: change });
  }
}
