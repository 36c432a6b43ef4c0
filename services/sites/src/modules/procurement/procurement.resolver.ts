import { NotFoundError } from "@lamplight/platform";
import {
  Allow,
  Connection,
  type ConnectionResult,
  ListBound,
  PageArgs,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { standardLoader } from "../equipment/equipment.loader.js";
import { EquipmentItem } from "../equipment/equipment.type.js";
import { siteLoader } from "../site/site.loader.js";
import { Site } from "../site/site.type.js";
import { contractByIdLoader } from "../tender/tender.loader.js";
import { Contract } from "../tender/tender.type.js";
import { CreateProcurementOrderInput } from "./procurement.inputs.js";
import { linesLoader, orderLoader, shipmentLoader } from "./procurement.loader.js";
import { assertMayHandle, assertMayOrderFor, PURCHASERS, SHIPMENT_HANDLERS } from "./procurement.policy.js";
import { ProcurementOrder, Shipment, ShipmentLine, ShipmentStatus } from "./procurement.type.js";

export const ShipmentConnection = Connection(Shipment);

@Resolver(() => ProcurementOrder)
export class ProcurementOrderResolver {
  @Query(() => ProcurementOrder, { nullable: true, description: "One procurement order; officials." })
  @Allow(...SHIPMENT_HANDLERS)
  procurementOrder(
    @Arg("id", () => ID) id: string,
    @Ctx() context: SitesContext,
  ): Promise<ProcurementOrder | null> {
    return orderLoader(context).load(id);
  }

  @Mutation(() => ProcurementOrder, {
    description:
      "Orders equipment for many homes at once: one shipment per home, each ORDERED. Province admins, and city admins for the homes of their city.",
  })
  @Allow(...PURCHASERS)
  async createProcurementOrder(
    @Arg("input", () => CreateProcurementOrderInput) input: CreateProcurementOrderInput,
    @Ctx() context: SitesContext,
  ): Promise<ProcurementOrder> {
    const sites = await Promise.all(
      input.shipments.map((shipment) => siteLoader(context).load(shipment.siteId)),
    );
    const absent = input.shipments.find((_, index) => !sites[index]);
    if (absent) throw new NotFoundError("Site", absent.siteId);
    assertMayOrderFor(context.principal, sites as Site[]);
    return context.procurementService.createOrder(input, context.principal.subject);
  }

  @FieldResolver(() => ShipmentConnection, { description: "One shipment per home." })
  shipments(
    @Root() order: ProcurementOrder,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<Shipment>> {
    return context.procurement.shipmentsOfOrder(order.id, pageRequest(page));
  }

  @FieldResolver(() => Contract, {
    nullable: true,
    description: "The equipment contract the order is placed under.",
  })
  contract(@Root() order: ProcurementOrder, @Ctx() context: SitesContext): Promise<Contract | null> {
    return order.contractId ? contractByIdLoader(context).load(order.contractId) : Promise.resolve(null);
  }
}

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Mutation(() => Shipment, {
    description:
      "Moves a shipment one step on: ORDERED → SHIPPED → DELIVERED → INSTALLED. Delivery adds its items to the home's inventory, in the same transaction. Officials of the home's region; its site manager for delivery and installation.",
  })
  @Allow(...SHIPMENT_HANDLERS)
  async updateShipment(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => ShipmentStatus) status: ShipmentStatus,
    @Ctx() context: SitesContext,
  ): Promise<Shipment> {
    const shipment = await shipmentLoader(context).load(id);
    if (!shipment) throw new NotFoundError("Shipment", id);
    const site = await siteLoader(context).load(shipment.siteId);
    if (!site) throw new NotFoundError("Site", shipment.siteId);
    assertMayHandle(context.principal, site, status);
    return context.procurementService.advance(id, status);
  }

  @FieldResolver(() => Site)
  async site(@Root() shipment: Shipment, @Ctx() context: SitesContext): Promise<Site> {
    const site = await siteLoader(context).load(shipment.siteId);
    if (!site) throw new NotFoundError("Site", shipment.siteId);
    return site;
  }

  @FieldResolver(() => ProcurementOrder)
  async order(@Root() shipment: Shipment, @Ctx() context: SitesContext): Promise<ProcurementOrder> {
    const order = await orderLoader(context).load(shipment.orderId);
    if (!order) throw new NotFoundError("ProcurementOrder", shipment.orderId);
    return order;
  }

  @ListBound(50)
  @FieldResolver(() => [ShipmentLine], {
    description: "What it carries; at most the standard's length, so not paged.",
  })
  lines(@Root() shipment: Shipment, @Ctx() context: SitesContext): Promise<ShipmentLine[]> {
    return linesLoader(context).load(shipment.id);
  }
}

@Resolver(() => ShipmentLine)
export class ShipmentLineResolver {
  @FieldResolver(() => EquipmentItem)
  async item(@Root() line: ShipmentLine, @Ctx() context: SitesContext): Promise<EquipmentItem> {
    const item = (await standardLoader(context).load("all")).find(
      (candidate) => candidate.code === line.itemCode,
    );
    if (!item) throw new Error(`equipment item ${line.itemCode} is not in the standard`);
    return item;
  }
}
