import { DateScalar, MoneyInput } from "@lamplight/subgraph-kit";
import { IsOptional, IsUUID, Length, Matches, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { DesignationInput } from "../donation/donation.inputs.js";
import { Purpose } from "../fund/fund.type.js";
import { ExpenditureCategory, GrantRecipientKind, GrantStatus } from "./grant.type.js";

const NOT_BLANK = /\S/;

@InputType({
  description:
    "A grant to propose. It draws on exactly one pool of designated money: money given for `designation.purpose`, to `designation.siteId`'s home or `designation.projectId`'s project when one is named (then the grant must go to that home or project), or to the purpose alone.",
})
export class ProposeGrantInput {
  @Field(() => String, { description: "The client's unique key: proposing again returns the first grant." })
  @Length(8, 100, { message: "idempotencyKey must be 8 to 100 characters" })
  idempotencyKey!: string;

  @Field(() => String, { description: "The fund the money comes from, e.g. LOVE_FUND." })
  @Length(1, 50)
  fundCode!: string;

  @Field(() => DesignationInput, { description: "The pool of designated money the grant draws on." })
  @ValidateNested()
  designation!: DesignationInput;

  @Field(() => GrantRecipientKind)
  recipientKind!: GrantRecipientKind;

  @Field(() => ID, { nullable: true, description: "The home, for a SITE grant." })
  @IsOptional()
  @IsUUID("all", { message: "siteId must be a site id" })
  siteId?: string | null;

  @Field(() => ID, { nullable: true, description: "The project, for a PROJECT grant." })
  @IsOptional()
  @IsUUID("all", { message: "projectId must be a project id" })
  projectId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Where the money goes: the city's code for a CITY grant; the home's county (or city) for a SITE grant (required); for a PROJECT grant, the fund's region when not given.",
  })
  @IsOptional()
  @Matches(/^51\d{4}$/, { message: "regionCode must be a six-digit region code of the province" })
  regionCode?: string | null;

  @Field(() => String)
  @Length(2, 200)
  @Matches(NOT_BLANK, { message: "title must not be blank" })
  title!: string;

  @Field(() => String)
  @Length(2, 2000)
  @Matches(NOT_BLANK, { message: "description must not be blank" })
  description!: string;

  @Field(() => MoneyInput, { description: "Positive, in integer fen; at most MAX_GIFT_YUAN." })
  amount!: MoneyInput;
}

@ArgsType()
export class DecideGrantArgs {
  @Field(() => ID)
  @IsUUID("all", { message: "id must be a grant id" })
  id!: string;

  @Field(() => String, { nullable: true, description: "Why; kept with the decision." })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: "Money paid out against an approved grant." })
export class DisburseGrantInput {
  @Field(() => String, { description: "The client's unique key: sending it again records nothing new." })
  @Length(8, 100, { message: "idempotencyKey must be 8 to 100 characters" })
  idempotencyKey!: string;

  @Field(() => ID)
  @IsUUID("all", { message: "grantId must be a grant id" })
  grantId!: string;

  @Field(() => MoneyInput, {
    description: "Positive; at most what the grant has left to pay (and MAX_GIFT_YUAN).",
  })
  amount!: MoneyInput;

  @Field(() => DateScalar, { description: "The day the money left the bank; not in the future." })
  paidOn!: Date;
}

@InputType({ description: "What a grantee spent of the money paid to it." })
export class ReportExpenditureInput {
  @Field(() => String, { description: "The client's unique key: sending it again records nothing new." })
  @Length(8, 100, { message: "idempotencyKey must be 8 to 100 characters" })
  idempotencyKey!: string;

  @Field(() => ID)
  @IsUUID("all", { message: "grantId must be a grant id" })
  grantId!: string;

  @Field(() => MoneyInput, {
    description: "Positive; at most what was paid and not yet accounted for (and MAX_GIFT_YUAN).",
  })
  amount!: MoneyInput;

  @Field(() => DateScalar, { description: "The day the money was spent; not in the future." })
  spentOn!: Date;

  @Field(() => ExpenditureCategory)
  category!: ExpenditureCategory;

  @Field(() => String)
  @Length(2, 1000)
  @Matches(NOT_BLANK, { message: "description must not be blank" })
  description!: string;
}

@InputType({ description: "Which grants to list. Every condition given must hold." })
export class GrantFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  fundCode?: string | null;

  @Field(() => GrantStatus, { nullable: true })
  status?: GrantStatus | null;

  @Field(() => Purpose, { nullable: true })
  purpose?: Purpose | null;

  @Field(() => GrantRecipientKind, { nullable: true })
  recipientKind?: GrantRecipientKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", { message: "siteId must be a site id" })
  siteId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", { message: "projectId must be a project id" })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: "Grants to this region or any region below it." })
  @IsOptional()
  @Matches(/^51\d{4}$/, { message: "region must be a six-digit region code of the province" })
  region?: string | null;
}
