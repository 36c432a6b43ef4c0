import { IntegerBetween } from "@lamplight/subgraph-kit";
import { ArrayMaxSize, ArrayMinSize, Length, ValidateNested } from "class-validator";
import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "How many of one standard item." })
export class InventoryLineInput {
  @Field(() => String)
  @Length(1, 40)
  itemCode!: string;

  @Field(() => Int)
  @IntegerBetween(0, 100_000)
  count!: number;
}

@InputType({
  description: "A count of a home's equipment: the items given are set, the others keep their count.",
})
export class SetInventoryInput {
  @Field(() => [InventoryLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  items!: InventoryLineInput[];
}
