import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { InventoryLineInput } from "../equipment/equipment.inputs.js";

@InputType({ description: "What one home receives." })
export class ShipmentInput {
  @Field(() => ID)
  @IsUUID("all", { message: "siteId must be a UUID" })
  siteId!: string;

  @Field(() => [InventoryLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  lines!: InventoryLineInput[];
}

@InputType({ description: "An order of equipment for many homes at once." })
export class CreateProcurementOrderInput {
  @Field(() => String)
  @Length(1, 200)
  @Matches(/\S/, { message: "title must not be blank" })
  title!: string;

  @Field(() => ID, { nullable: true, description: "The equipment contract the order is placed under." })
  @IsOptional()
  @IsUUID("all", { message: "contractId must be a UUID" })
  contractId?: string | null;

  @Field(() => [ShipmentInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  shipments!: ShipmentInput[];
}
