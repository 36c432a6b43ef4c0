import { IntegerBetween } from "@lamplight/subgraph-kit";
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Matches } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { AwardCategory, NomineeKind } from "./award.type.js";

@InputType({ description: "A new yearly selection with its review panel." })
export class CreateAwardSelectionInput {
  @Field(() => Int)
  @IntegerBetween(2000, 2100)
  year!: number;

  @Field(() => AwardCategory)
  category!: AwardCategory;

  @Field(() => ID, {
    defaultValue: "510000",
    description: "The region running it; the province by default.",
  })
  @Matches(/^\d{6}$/, { message: "regionCode must be a six-digit region code" })
  regionCode!: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => [String], { description: "The reviewers, by their users' subjects." })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Length(1, 200, { each: true })
  panel!: string[];

  @Field(() => Int, { description: "How many winners will be published." })
  @IntegerBetween(1, 1000)
  winnerCount!: number;
}

@InputType({ description: "A nomination, with the reason." })
export class NominateInput {
  @Field(() => ID)
  @IsUUID("all", { message: "selectionId must be a selection id" })
  selectionId!: string;

  @Field(() => NomineeKind)
  nomineeKind!: NomineeKind;

  @Field(() => ID, { nullable: true, description: "STUDENT: the child." })
  @IsOptional()
  @IsUUID("all", { message: "studentId must be a student id" })
  studentId?: string | null;

  @Field(() => ID, { nullable: true, description: "VOLUNTEER: the volunteer." })
  @IsOptional()
  @IsUUID("all", { message: "volunteerId must be a volunteer id" })
  volunteerId?: string | null;

  @Field(() => String, { nullable: true, description: "CARER: the carer's name." })
  @IsOptional()
  @Length(1, 100)
  carerName?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "HOME: the home. Otherwise the home the nominee belongs to (required for students and carers).",
  })
  @IsOptional()
  @IsUUID("all", { message: "siteId must be a site id" })
  siteId?: string | null;

  @Field(() => ID, { nullable: true, description: "The organisation the nominee belongs to, if any." })
  @IsOptional()
  @IsUUID("all", { message: "organisationId must be an organisation id" })
  organisationId?: string | null;

  @Field(() => String, { description: "Why: what the nominee did." })
  @Length(10, 4000, { message: "reason must be 10 to 4000 characters" })
  reason!: string;
}

@InputType({ description: "A panel member's score of a nomination." })
export class ScoreNominationInput {
  @Field(() => ID)
  @IsUUID("all", { message: "nominationId must be a nomination id" })
  nominationId!: string;

  @Field(() => Int, { description: "1 (weakest) to 10 (strongest)." })
  @IntegerBetween(1, 10)
  score!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  comment?: string | null;
}
