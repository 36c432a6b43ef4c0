import { ListBound } from "@lamplight/subgraph-kit";
import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({
  description: "An item of the province's construction standard: what every home must have, and how many.",
})
export class EquipmentItem {
  @Field(() => String, { description: 'A stable code, e.g. "TV".' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "AUDIOVISUAL, COMMUNICATION, READING, STUDY, SPORTS or SAFETY." })
  category!: string;

  @Field(() => Int, { description: "How many every home must have at least." })
  minimumCount!: number;

  @Field(() => Boolean, { description: 'One of the "six ones" (one TV, one computer, …).' })
  sixOnes!: boolean;

  position!: number;
}

@ObjectType({ description: "How many of one standard item a home has." })
export class InventoryLine {
  itemCode!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "A standard item a home has too few of." })
export class MissingEquipment {
  itemCode!: string;

  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  present!: number;

  @Field(() => Int, { description: "How many more the home needs." })
  short!: number;
}

@ObjectType({ description: "How a home measures up to the construction standard." })
export class EquipmentCompliance {
  @Field(() => Boolean, { description: "Whether the home has every standard item in the required number." })
  compliant!: boolean;

  @Field(() => Boolean, { description: 'Whether it has all of the "six ones".' })
  sixOnes!: boolean;

  @Field(() => Float, { description: "The share of standard items held in the required number, 0 to 1." })
  rate!: number;

  @ListBound(50)
  @Field(() => [MissingEquipment], {
    description: "What is missing, in the standard's order; at most the standard's length.",
  })
  missing!: MissingEquipment[];
}
