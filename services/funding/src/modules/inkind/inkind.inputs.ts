import { DateScalar, MoneyInput } from "@lamplight/subgraph-kit";
import { IsOptional, IsUUID, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { InKindCategory } from "./inkind.type.js";

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
  @Min(1, { message: "quantity must be at least 1" })
  @Max(10_000_000)
  quantity!: number;

  @Field(() => MoneyInput, { description: "The estimated value of all of it, positive, in integer fen." })
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

  @Field(() => Int)
  @Min(1, { message: "quantity must be at least 1" })
  quantity!: number;

  @Field(() => DateScalar)
  deliveredOn!: Date;
}
