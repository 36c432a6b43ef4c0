import { IntegerBetween, MoneyInput } from "@lamplight/subgraph-kit";
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { CriterionKind, TenderPurpose } from "./tender.type.js";

@InputType()
export class LotInput {
  @Field(() => String)
  @Length(1, 200)
  @Matches(/\S/, { message: "title must not be blank" })
  title!: string;

  @Field(() => ID, { nullable: true, description: "The home the lot builds or equips, if it is for one." })
  @IsOptional()
  @IsUUID("all", { message: "siteId must be a UUID" })
  siteId?: string | null;
}

@InputType()
export class CriterionInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => CriterionKind, { defaultValue: CriterionKind.SCORED })
  kind!: CriterionKind;

  @Field(() => Int, { description: "1 to 100; a tender's weights add up to 100." })
  @IntegerBetween(1, 100)
  weight!: number;
}

@InputType()
export class EvaluatorInput {
  @Field(() => String, { description: "The evaluator's user subject." })
  @Length(1, 200)
  evaluatorId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The organisation they belong to: they never score its bids.",
  })
  @IsOptional()
  @IsUUID("all", { message: "organisationId must be a UUID" })
  organisationId?: string | null;
}

@InputType({ description: "A new tender with its lots, criteria and evaluation panel." })
export class CreateTenderInput {
  @Field(() => String)
  @Length(1, 200)
  @Matches(/\S/, { message: "title must not be blank" })
  title!: string;

  @Field(() => TenderPurpose)
  purpose!: TenderPurpose;

  @Field(() => ID, { description: "The city or the province running the tender." })
  @Matches(/^\d{6}$/, { message: "regionCode must be a six-digit region code" })
  regionCode!: string;

  @Field(() => Date)
  deadline!: Date;

  @Field(() => [LotInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  lots!: LotInput[];

  @Field(() => [CriterionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  criteria!: CriterionInput[];

  @Field(() => [EvaluatorInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  evaluators!: EvaluatorInput[];
}

@InputType({ description: "A vendor's bid for a lot." })
export class SubmitBidInput {
  @Field(() => ID, { description: "The vendor (an Organisation of the people subgraph)." })
  @IsUUID("all", { message: "vendorOrganisationId must be a UUID" })
  vendorOrganisationId!: string;

  @Field(() => MoneyInput)
  @ValidateNested()
  amount!: MoneyInput;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => ID)
  criterionId!: string;

  @Field(() => Int, { description: "0 to 100." })
  @IntegerBetween(0, 100)
  score!: number;
}

@InputType({ description: "An evaluator's scores of one bid, one per scored criterion (or some of them)." })
export class ScoreBidInput {
  @Field(() => [CriterionScoreInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  scores!: CriterionScoreInput[];
}
