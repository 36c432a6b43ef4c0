import { DateScalar } from "@lamplight/subgraph-kit";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { NeedCategory, NeedLevel } from "../../generated/prisma/enums.js";

export { NeedCategory, NeedLevel };

registerEnumType(NeedCategory, {
  name: "NeedCategory",
  description: "The needs the programme sees in left-behind students.",
  valuesConfig: {
    PSYCHOLOGICAL: { description: "Psychological imbalance, loneliness." },
    SAFETY: { description: "Lack of protection." },
    LEARNING: { description: "Help with school work." },
    HEALTH: { description: "Health and care." },
    CULTURAL_LIFE: { description: "A poor cultural life: books, films, activities." },
  },
});

registerEnumType(NeedLevel, { name: "NeedLevel", description: "How pressing an assessed need is." });

/** One assessed need of a child; a reassessment is a new need with its own date. */
@ObjectType({ description: "One assessed need of a child. A reassessment is a new entry; history is kept." })
export class Need {
  /** Not exposed: needs are read only through their child, whose access rule covers them. */
  id!: string;
  studentId!: string;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field(() => NeedLevel)
  level!: NeedLevel;

  @Field(() => DateScalar)
  assessedOn!: Date;
}

/** A de-identified count: how many children in a region have a need of one category. */
@ObjectType({ description: "How many children have at least one assessed need of a category." })
export class NeedCount {
  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field(() => Int, {
    nullable: true,
    description:
      "Null when the count is small enough to point at a child and your role may not see individuals.",
  })
  count!: number | null;
}
