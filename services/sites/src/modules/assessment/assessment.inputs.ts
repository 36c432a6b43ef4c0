import { IntegerBetween } from "@lamplight/subgraph-kit";
import { ArrayMaxSize, ArrayMinSize, IsUUID, Length, Matches, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ReviewLevel } from "../application/application.type.js";

@InputType()
export class AssessmentScoreInput {
  @Field(() => String)
  @Length(1, 40)
  criterionCode!: string;

  @Field(() => Int)
  @IntegerBetween(0, 100)
  score!: number;
}

@InputType({ description: "A yearly assessment of a home: one score per criterion." })
export class AssessSiteInput {
  @Field(() => Int)
  @IntegerBetween(2010, 2100)
  year!: number;

  @Field(() => ReviewLevel, { description: "COUNTY (by a county officer) or CITY (by a city admin)." })
  level!: ReviewLevel;

  @Field(() => [AssessmentScoreInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  scores!: AssessmentScoreInput[];

  @Field(() => String)
  @Length(1, 2000)
  @Matches(/\S/, { message: "comments must not be blank" })
  comments!: string;
}

@InputType({ description: "The year's excellent homes, as the province selects them." })
export class SelectExcellentHomesInput {
  @Field(() => Int)
  @IntegerBetween(2010, 2100)
  year!: number;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID("all", { each: true, message: "siteIds must be UUIDs" })
  siteIds!: string[];

  @Field(() => String)
  @Length(1, 1000)
  @Matches(/\S/, { message: "citation must not be blank" })
  citation!: string;
}
