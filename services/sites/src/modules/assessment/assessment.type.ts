import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ReviewLevel } from "../application/application.type.js";

@ObjectType({ description: "What homes are assessed against every year, scored 0 to maxScore." })
export class AssessmentCriterion {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  maxScore!: number;

  position!: number;
}

@ObjectType({ description: "One assessor's yearly assessment of a home, at the county or the city level." })
export class Assessment {
  @Field(() => ID)
  id!: string;

  siteId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => ReviewLevel)
  level!: ReviewLevel;

  @Field(() => Int, { description: "The sum of the criterion scores, 0 to 100." })
  total!: number;

  @Field(() => String)
  comments!: string;

  @Field(() => String, { nullable: true })
  assessorId!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "One criterion's score in an assessment." })
export class AssessmentScore {
  assessmentId!: string;

  @Field(() => String)
  criterionCode!: string;

  @Field(() => Int)
  score!: number;
}

@ObjectType({ description: "A home's place in a year's ranking." })
export class RankedHome {
  /** The site id: the ranking's cursor key. */
  id!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => Float, { description: "The mean of the year's county and city totals, to two decimals." })
  score!: number;

  @Field(() => Int, { description: "How many assessments (county, city) the score is made of." })
  assessments!: number;

  @Field(() => Boolean, { description: "Whether the province selected the home as excellent that year." })
  excellent!: boolean;
}

@ObjectType({
  description: "A home the province selected as excellent in a year: the funding subgraph funds it directly.",
})
export class ExcellentHome {
  /** Year and site id together are the key. */
  siteId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String)
  citation!: string;

  @Field(() => String, { nullable: true })
  selectedBy!: string | null;

  @Field(() => Date)
  selectedAt!: Date;
}
