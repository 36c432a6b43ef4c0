import { ListBound, Money } from "@lamplight/subgraph-kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Donation } from "../donation/donation.type.js";
import { Grant, type GrantRow } from "../grant/grant.type.js";

/** The rule every trace follows, as served with it. */
export const ATTRIBUTION_RULE =
  "First in, first out within one designation: the gifts to a pool of designated money (a fund's purpose, or a purpose for one home or one project) are lined up by the day they arrived, the grants approved from that pool by the day they were awarded, and each grant is paid from the earliest gifts not yet spent. A reversed gift went nowhere.";

@ObjectType({ description: "Part of a donation that a grant drew on." })
export class TraceAllocation {
  @Field(() => Grant)
  grant!: GrantRow;

  @Field(() => Money, { description: "How much of the donation went to this grant." })
  amount!: Money;
}

@ObjectType({ description: "Where a donation went: the grants its money paid for, by the attribution rule." })
export class DonationTrace {
  @Field(() => Donation)
  donation!: Donation;

  @ListBound(100)
  @Field(() => [TraceAllocation], {
    description: "The grants the gift paid for, oldest first (at most 100; see allocationCount).",
  })
  allocations!: TraceAllocation[];

  @Field(() => Int, { description: "How many grants the gift paid for in all." })
  allocationCount!: number;

  @Field(() => Money, {
    description: "What of the gift is not yet granted: still in its fund, for its designation.",
  })
  unallocated!: Money;

  @Field(() => String, { description: "How a gift is attributed to grants." })
  rule!: string;
}
