import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ShipmentStatus } from "../../generated/prisma/enums.js";

export { ShipmentStatus };

registerEnumType(ShipmentStatus, {
  name: "ShipmentStatus",
  description: "Where a home's shipment is: ordered → shipped → delivered → installed.",
});

@ObjectType({ description: "Unified procurement: one order of equipment for many homes, shipped to each." })
export class ProcurementOrder {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  contractId!: string | null;

  @Field(() => String, { nullable: true })
  createdBy!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "What one order sends to one home, and how far it has come." })
export class Shipment {
  @Field(() => ID)
  id!: string;

  orderId!: string;
  siteId!: string;

  @Field(() => ShipmentStatus)
  status!: ShipmentStatus;

  @Field(() => Date, { nullable: true })
  shippedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  installedAt!: Date | null;
}

@ObjectType({ description: "How many of one standard item a shipment carries." })
export class ShipmentLine {
  shipmentId!: string;
  itemCode!: string;

  @Field(() => Int)
  count!: number;
}
