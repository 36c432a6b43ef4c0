import { DateScalar } from "@lamplight/subgraph-kit";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { Prisma } from "../../generated/prisma/client.js";
import { ExpenditureCategory, GrantRecipientKind, GrantStatus } from "../../generated/prisma/enums.js";
import { Purpose } from "../fund/fund.type.js";

export { ExpenditureCategory, GrantRecipientKind, GrantStatus };

registerEnumType(GrantRecipientKind, {
  name: "GrantRecipientKind",
  description: "Who a grant goes to.",
  valuesConfig: {
    SITE: { description: "A home for left-behind students (a Site)." },
    PROJECT: { description: "A campaign's public-welfare project." },
    CITY: { description: "A city's programme, spent by its leading group." },
  },
});

registerEnumType(GrantStatus, {
  name: "GrantStatus",
  valuesConfig: {
    PROPOSED: { description: "Waiting for a finance officer's decision; no money is set aside yet." },
    APPROVED: { description: "Awarded: the money is taken from its designation in the ledger." },
    REJECTED: { description: "Turned down; nothing was posted." },
    CLOSED: {
      description: "Done: what was paid and not spent came back, and the grant costs what was spent.",
    },
  },
});

registerEnumType(ExpenditureCategory, {
  name: "ExpenditureCategory",
  description: "What a grantee spent money on.",
});

export type GrantRow = Prisma.GrantGetPayload<object>;
export type DisbursementRow = Prisma.GrantDisbursementGetPayload<object>;
export type ExpenditureReportRow = Prisma.ExpenditureReportGetPayload<object>;

/**
 * An allocation of designated money from a fund to a home, a project or a city. Public: grants carry
 * no donor identities, and the programme publishes where its money goes (see the 360Giving export).
 */
@ObjectType({
  description:
    "An allocation of designated money from a fund to a home, a project or a city: proposed, approved by a finance officer, paid in disbursements and accounted for in expenditure reports.",
})
export class Grant {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Stable public reference, e.g. G-LOVE_FUND-2026-1A2B3C4D." })
  reference!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Purpose, { description: "The designation the money comes from." })
  purpose!: Purpose;

  @Field(() => GrantRecipientKind)
  recipientKind!: GrantRecipientKind;

  @Field(() => GrantStatus)
  status!: GrantStatus;

  @Field(() => Date)
  proposedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was approved or rejected." })
  decidedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the grant was awarded (approved)." })
  awardDate!: Date | null;

  fundId!: string;
  designationId!: string;
  siteId!: string | null;
  projectId!: string | null;
  regionCode!: string;
  amountFen!: bigint;
  releasedFen!: bigint;
  currency!: string;
  proposedBy!: string;
  decidedBy!: string | null;
  decisionNote!: string | null;
  idempotencyKey!: string;
}

@ObjectType({ description: "Money paid out against a grant." })
export class GrantDisbursement {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  paidOn!: Date;

  @Field(() => Date)
  recordedAt!: Date;

  grantId!: string;
  amountFen!: bigint;
  currency!: string;
  journalEntryId!: string;
}

@ObjectType({ description: "What a grantee reported spending of the money paid to it." })
export class ExpenditureReport {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  spentOn!: Date;

  @Field(() => ExpenditureCategory)
  category!: ExpenditureCategory;

  @Field(() => String)
  description!: string;

  @Field(() => Date)
  recordedAt!: Date;

  grantId!: string;
  amountFen!: bigint;
  currency!: string;
  journalEntryId!: string;
}

/** What has happened to a grant's money so far, from its journal entries. */
export interface GrantProgress {
  disbursedFen: bigint;
  reportedFen: bigint;
}
