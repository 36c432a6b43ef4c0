import { ListBound } from "@lamplight/subgraph-kit";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { CriterionKind, TenderPurpose } from "../../generated/prisma/enums.js";

export { CriterionKind, TenderPurpose };

registerEnumType(TenderPurpose, {
  name: "TenderPurpose",
  description: "What a tender buys: building homes, or equipping them.",
});
registerEnumType(CriterionKind, {
  name: "CriterionKind",
  description: "How a criterion is scored.",
  valuesConfig: {
    SCORED: { description: "Each evaluator scores it from 0 to 100; the bid's score is their mean." },
    PRICE: {
      description:
        "Computed from the amounts: the lowest bid scores 100, every other 100 × lowest / its amount.",
    },
  },
});

@ObjectType({
  description: "A call for bids, for construction or equipment, in lots, closing at a deadline.",
})
export class Tender {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => TenderPurpose)
  purpose!: TenderPurpose;

  /** The city or province whose officials run it; resolved to a Region. */
  regionCode!: string;

  @Field(() => Date, { description: "No bid is taken after this instant; bids are scored only after it." })
  deadline!: Date;

  @Field(() => String, { nullable: true })
  createdBy!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "One part of a tender, bid for and awarded separately: often one home." })
export class TenderLot {
  @Field(() => ID)
  id!: string;

  tenderId!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => String)
  title!: string;

  siteId!: string | null;
}

@ObjectType({ description: "What bids are judged on, and how much it counts." })
export class TenderCriterion {
  @Field(() => ID)
  id!: string;

  tenderId!: string;

  @Field(() => Int)
  position!: number;

  @Field(() => String)
  name!: string;

  @Field(() => CriterionKind)
  kind!: CriterionKind;

  @Field(() => Int, { description: "The weights of a tender's criteria add up to 100." })
  weight!: number;
}

@ObjectType({ description: "A member of a tender's evaluation panel, and the organisation they belong to." })
export class TenderEvaluator {
  @Field(() => String, { description: "The evaluator's user subject." })
  evaluatorId!: string;

  organisationId!: string | null;
}

@ObjectType({ description: "A vendor's offer for one lot, at an exact amount." })
export class Bid {
  @Field(() => ID)
  id!: string;

  lotId!: string;
  vendorOrganisationId!: string;
  amountFen!: bigint;

  @Field(() => String, { nullable: true })
  submittedBy!: string | null;

  @Field(() => Date)
  submittedAt!: Date;
}

@ObjectType({ description: "One evaluator's score of one bid on one criterion." })
export class BidScore {
  bidId!: string;
  criterionId!: string;

  @Field(() => String)
  evaluatorId!: string;

  @Field(() => Int, { description: "0 to 100." })
  score!: number;

  @Field(() => Date)
  scoredAt!: Date;
}

@ObjectType({ description: "A bid's score on one criterion in the ranking." })
export class CriterionScore {
  criterionId!: string;

  @Field(() => Float, {
    nullable: true,
    description: "The mean of the evaluators' scores, or the price score; null when unscored.",
  })
  score!: number | null;

  @Field(() => Int, { description: "How many evaluators scored it (0 for the price criterion)." })
  evaluators!: number;
}

@ObjectType({ description: "A bid's place in its lot's weighted ranking." })
export class RankedBid {
  /** The bid's id: the ranking's cursor key. */
  id!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => Float, {
    description: "The weighted score, 0 to 100, rounded to two decimals (ranked on the exact value).",
  })
  weightedScore!: number;

  @Field(() => Boolean, { description: "Whether every scored criterion has been scored by someone." })
  complete!: boolean;

  @ListBound(20)
  @Field(() => [CriterionScore], { description: "One per criterion, in the tender's order." })
  criteria!: CriterionScore[];

  bid!: Bid;
}

@ObjectType({ description: "The contract awarded for a lot: the winning bid and its amount." })
export class Contract {
  @Field(() => ID)
  id!: string;

  lotId!: string;
  bidId!: string;
  vendorOrganisationId!: string;
  amountFen!: bigint;

  @Field(() => String, { nullable: true })
  awardedBy!: string | null;

  @Field(() => Date)
  awardedAt!: Date;
}
