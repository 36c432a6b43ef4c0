import { DateScalar, MoneyInput } from "@lamplight/subgraph-kit";
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
import { DesignationInput } from "../donation/donation.inputs.js";

@InputType({ description: "One instalment of a pledge." })
export class PledgeInstalmentInput {
  @Field(() => DateScalar)
  dueOn!: Date;

  @Field(() => MoneyInput, {
    description: "Positive, in integer fen; at most MAX_GIFT_YUAN, as are all the instalments together.",
  })
  amount!: MoneyInput;
}

@InputType({ description: "A donor's promise to give, in instalments; the total is their sum." })
export class RecordPledgeInput {
  @Field(() => String, { description: "The client's unique key: recording again returns the first pledge." })
  @Length(8, 100, { message: "idempotencyKey must be 8 to 100 characters" })
  idempotencyKey!: string;

  @Field(() => String, { description: "The fund the money will go to, e.g. LOVE_FUND." })
  @Length(1, 50)
  fundCode!: string;

  @Field(() => ID, { nullable: true, description: "The donor, when an organisation pledges." })
  @IsOptional()
  @IsUUID("all", { message: "donorOrganisationId must be an organisation id" })
  donorOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: "The donor's name, when an individual pledges." })
  @IsOptional()
  @Length(1, 100)
  @Matches(/\S/, { message: "donorName must not be blank" })
  donorName?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  anonymous!: boolean;

  @Field(() => DesignationInput)
  @ValidateNested()
  designation!: DesignationInput;

  @Field(() => DateScalar)
  pledgedOn!: Date;

  @Field(() => [PledgeInstalmentInput], { description: "1 to 60 instalments, in due order." })
  @ArrayMinSize(1, { message: "a pledge has at least one instalment" })
  @ArrayMaxSize(60, { message: "a pledge has at most 60 instalments" })
  @ValidateNested({ each: true })
  instalments!: PledgeInstalmentInput[];
}
