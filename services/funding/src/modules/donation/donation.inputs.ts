import { DateScalar, MoneyInput, OnOrAfter } from "@lamplight/subgraph-kit";
import { IsOptional, IsUUID, Length, Matches, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { Purpose } from "../fund/fund.type.js";
import { DonationChannel } from "./donation.type.js";

const NOT_BLANK = /\S/;

@InputType({ description: "What a gift is for." })
export class DesignationInput {
  @Field(() => Purpose)
  purpose!: Purpose;

  @Field(() => ID, { nullable: true, description: "The home the gift is for." })
  @IsOptional()
  @IsUUID("all", { message: "siteId must be a site id" })
  siteId?: string | null;

  @Field(() => ID, { nullable: true, description: "The campaign project the gift is for." })
  @IsOptional()
  @IsUUID("all", { message: "projectId must be a project id" })
  projectId?: string | null;
}

@InputType({
  description: "A gift received: recorded with its receipt and journal entry in one transaction.",
})
export class RecordDonationInput {
  @Field(() => String, {
    description:
      "The client's unique key for this gift (e.g. a UUID made when the form opened). Sending the same key again returns the first donation and records nothing.",
  })
  @Length(8, 100, { message: "idempotencyKey must be 8 to 100 characters" })
  idempotencyKey!: string;

  @Field(() => ID, { nullable: true, description: "The donor, when an organisation gives." })
  @IsOptional()
  @IsUUID("all", { message: "donorOrganisationId must be an organisation id" })
  donorOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: "The donor's name, when an individual gives." })
  @IsOptional()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: "donorName must not be blank" })
  donorName?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "The donor asks not to be named in public." })
  anonymous!: boolean;

  @Field(() => MoneyInput, {
    description: "Positive, in integer fen; at most the funding subgraph's maximum per gift (MAX_GIFT_YUAN).",
  })
  amount!: MoneyInput;

  @Field(() => DateScalar, { description: "The day the money was received; not in the future." })
  receivedOn!: Date;

  @Field(() => DonationChannel)
  channel!: DonationChannel;

  @Field(() => String, { description: "The fund receiving the gift, e.g. LOVE_FUND." })
  @Length(1, 50)
  fundCode!: string;

  @Field(() => DesignationInput)
  @ValidateNested()
  designation!: DesignationInput;

  @Field(() => ID, {
    nullable: true,
    description: "The pledge instalment this gift pays; the gift goes to the pledge's fund and designation.",
  })
  @IsOptional()
  @IsUUID("all", { message: "pledgeInstalmentId must be an instalment id" })
  pledgeInstalmentId?: string | null;
}

@InputType({ description: "Which donations to list. Every condition given must hold." })
export class DonationFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  fundCode?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", { message: "donorOrganisationId must be an organisation id" })
  donorOrganisationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Received on or after this day." })
  from?: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Received on or before this day; not before `from`.",
  })
  @OnOrAfter("from")
  to?: Date | null;
}
