import { DateScalar } from "@lamplight/subgraph-kit";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Prisma } from "../../generated/prisma/client.js";
import { InKindCategory } from "../../generated/prisma/enums.js";

export { InKindCategory };

registerEnumType(InKindCategory, {
  name: "InKindCategory",
  description: "What kind of goods were given.",
  valuesConfig: {
    BOOKS: { description: "Books." },
    MOBILE_LIBRARY: { description: "A mobile love library (a vehicle or cabinet of books)." },
    PHONES: { description: "Phones, often with a discounted tariff for family calls." },
    COMPUTERS: { description: "Computers." },
    TELEVISIONS: { description: "Televisions." },
    SPORTS_EQUIPMENT: { description: "Sports equipment." },
    CLOTHING: { description: "Clothing and bedding." },
    OTHER: { description: "Anything else." },
  },
});

export type InKindGiftRow = Prisma.InKindGiftGetPayload<object>;
export type InKindDeliveryRow = Prisma.InKindDeliveryGetPayload<object>;

/** Goods given instead of money. Public, except a donor's identity when they asked to stay anonymous. */
@ObjectType({
  description:
    "Goods given instead of money (books, mobile libraries, phones…) at the donor's estimated value, delivered to homes.",
})
export class InKindGift {
  @Field(() => ID)
  id!: string;

  @Field(() => InKindCategory)
  category!: InKindCategory;

  @Field(() => String, { description: 'What was given, e.g. "a mobile library of 3,000 books".' })
  description!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => DateScalar)
  receivedOn!: Date;

  @Field(() => Boolean)
  anonymous!: boolean;

  fundId!: string;
  donorOrganisationId!: string | null;
  donorName!: string | null;
  estimatedValueFen!: bigint;
  currency!: string;
  journalEntryId!: string;
}

@ObjectType({ description: "Part of a gift in kind handed to a home." })
export class InKindDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => DateScalar)
  deliveredOn!: Date;

  giftId!: string;
  siteId!: string;
  valueFen!: bigint;
}
