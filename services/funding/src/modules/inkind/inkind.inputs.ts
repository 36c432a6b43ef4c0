import { DateScalar, IntegerBetween, MoneyInput } from "@lamplight/subgraph-kit";
import { IsOptional, IsUUID, Length, Matches } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { InKindCategory } from "./inkind.type.js";

/** The most items one gift in kind (or one delivery of it) may count: ten million books or phones. */
const MAX_ITEMS = 10_000_000;

@InputType({ description: "Goods received as a gift, at the donor's estimated value." })
export class RecordInKindGiftInput {
  @Field(() => String, { description: "The client's unique key: recording again returns the first gift." })
  @Length(8, 100, { message: "idempotencyKey must be 8 to 100 characters" })
  idempotencyKey!: string;

  @Field(() => String, { description: "The fund whose books take the gift, e.g. LOVE_FUND." })
  @Length(1, 50)
  fundCode!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", { message: "donorOrganisationId must be an organisation id" })
  donorOrganisationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  @Matches(/\S/, { message: "donorName must not be blank" })
  donorName?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  anonymous!: boolean;

  @Field(() => InKindCategory)
  category!: InKindCategory;

  @Field(() => String)
  @Length(2, 500)
  @Matches(/\S/, { message: "description must not be blank" })
  description!: string;

  @Field(() => Int, { description: "How many items (books, phones, libraries…)." })
  @IntegerBetween(1, MAX_ITEMS)
  quantity!: number;

  @Field(() => MoneyInput, {
    description: "The estimated value of all of it, positive, in integer fen; at most MAX_GIFT_YUAN.",
  })
  estimatedValue!: MoneyInput;

  @Field(() => DateScalar)
  receivedOn!: Date;
}

@InputType({ description: "Items of a gift in kind handed to a home." })
export class DeliverInKindGiftInput {
  @Field(() => ID)
  @IsUUID("all", { message: "giftId must be a gift id" })
  giftId!: string;

  @Field(() => ID, { description: "The home (a Site)." })
  @IsUUID("all", { message: "siteId must be a site id" })
  siteId!: string;

  @Field(() => Int, { description: "1 to 10,000,000, and never more than are left to hand out." })
  @IntegerBetween(1, MAX_ITEMS)
  quantity!: number;

  @Field(() => DateScalar)
  deliveredOn!: Date;
}
