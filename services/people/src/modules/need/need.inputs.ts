import { DateScalar } from "@lamplight/subgraph-kit";
import { Field, InputType } from "type-graphql";
import { NeedCategory, NeedLevel } from "./need.type.js";

@InputType({ description: "One assessed need of a child." })
export class NeedInput {
  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field(() => NeedLevel)
  level!: NeedLevel;

  @Field(() => DateScalar, { description: "The day of the assessment: not in the future, not before birth." })
  assessedOn!: Date;
}
