import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { AwardCategory, NomineeKind, SelectionStatus } from "../../generated/prisma/enums.js";

export { AwardCategory, NomineeKind, SelectionStatus };

registerEnumType(AwardCategory, {
  name: "AwardCategory",
  description: "The programme's yearly awards.",
  valuesConfig: {
    SELF_RELIANCE_STAR: { description: '"Self-reliance star": a student.' },
    CARING_STAR: { description: '"Caring star": a volunteer or a carer.' },
    EXCELLENT_HOME: { description: "Excellent home: the province funds winners directly." },
  },
});

registerEnumType(SelectionStatus, {
  name: "SelectionStatus",
  description: "Where a selection stands.",
  valuesConfig: {
    NOMINATING: { description: "Open for nominations." },
    REVIEWING: { description: "Closed for nominations; the panel scores them." },
    PUBLISHED: { description: "Winners published." },
  },
});

registerEnumType(NomineeKind, {
  name: "NomineeKind",
  description: "Who (or what) is nominated.",
  valuesConfig: {
    STUDENT: { description: "A left-behind student (self-reliance star)." },
    VOLUNTEER: { description: "A registered volunteer (caring star)." },
    CARER: { description: "A carer without a volunteer record, e.g. a home's staff (caring star)." },
    HOME: { description: "A home (excellent home)." },
  },
});

/** A yearly award selection in one category. Public. */
@ObjectType({ description: "A yearly award selection in one category, with its review panel." })
export class AwardSelection {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => AwardCategory)
  category!: AwardCategory;

  @Field(() => String)
  title!: string;

  @Field(() => SelectionStatus)
  status!: SelectionStatus;

  @Field(() => Int, { description: "How many winners are published." })
  winnerCount!: number;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  regionCode!: string;
  panel!: string[];
}

/** A nomination with its reason. Staff and the selection's panel only. */
@ObjectType({ description: "A nomination for an award, with the reason; staff and the panel only." })
export class Nomination {
  @Field(() => ID)
  id!: string;

  @Field(() => NomineeKind)
  nomineeKind!: NomineeKind;

  @Field(() => String, {
    nullable: true,
    description: "A carer's name (carers have no record of their own).",
  })
  carerName!: string | null;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { description: "Who nominated (the user's subject)." })
  nominatedBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Boolean, { description: "Whether it won (set when the selection is published)." })
  winner!: boolean;

  @Field(() => Int, { nullable: true, description: "Its place among the winners." })
  rank!: number | null;

  selectionId!: string;
  studentId!: string | null;
  volunteerId!: string | null;
  siteId!: string | null;
  organisationId!: string | null;
  nominatorOrganisationId!: string | null;
}

@ObjectType("AwardReview", { description: "One panel member's score of one nomination." })
export class Review {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The reviewer (the user's subject)." })
  reviewer!: string;

  @Field(() => Int, { description: "1 (weakest) to 10 (strongest)." })
  score!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  nominationId!: string;
}

@ObjectType("NominationScores", { description: "What the panel's scores add up to for one nomination." })
export class ScoreSummary {
  @Field(() => Int)
  reviews!: number;

  @Field(() => Float, { nullable: true, description: "The mean score; null before the first review." })
  average!: number | null;
}

/** A published winner. Public. */
@ObjectType({ description: "A published award: who won, in which selection, and their place." })
export class Award {
  @Field(() => ID, { description: "The winning nomination's id." })
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => AwardCategory)
  category!: AwardCategory;

  @Field(() => Int)
  rank!: number;

  @Field(() => NomineeKind)
  nomineeKind!: NomineeKind;

  selectionId!: string;
  studentId!: string | null;
  volunteerId!: string | null;
  siteId!: string | null;
  carerName!: string | null;
}
