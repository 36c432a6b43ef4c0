import { DateScalar, ListBound } from "@lamplight/subgraph-kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { Prisma } from "../../generated/prisma/client.js";

export type PledgeRow = Prisma.PledgeGetPayload<{ include: { instalments: true } }>;
export type InstalmentRow = Prisma.PledgeInstalmentGetPayload<object>;

@ObjectType({ description: "One instalment of a pledge, fulfilled by the donations that name it." })
export class PledgeInstalment {
  @Field(() => ID, { description: "Name it in recordDonation's input.pledgeInstalmentId to pay it." })
  id!: string;

  @Field(() => Int, { description: "1, 2, 3… in due order." })
  number!: number;

  @Field(() => DateScalar)
  dueOn!: Date;

  pledgeId!: string;
  amountFen!: bigint;
}

/**
 * A donor's promise to give in instalments. Finance officers of the fund's region and province
 * admins only: it names the donor, and it is not money until it arrives.
 */
@ObjectType({
  description:
    "A donor's promise to give an amount in instalments. Not in the ledger: each instalment is fulfilled by the donations that name it.",
})
export class Pledge {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "An individual donor's name." })
  donorName!: string | null;

  @Field(() => Boolean)
  anonymous!: boolean;

  @Field(() => DateScalar)
  pledgedOn!: Date;

  @ListBound(60)
  @Field(() => [PledgeInstalment], { description: "In due order; at most 60, so not paged." })
  instalments!: PledgeInstalment[];

  fundId!: string;
  donorOrganisationId!: string | null;
  purpose!: PledgeRow["purpose"];
  siteId!: string | null;
  projectId!: string | null;
  totalFen!: bigint;
  currency!: string;
}
