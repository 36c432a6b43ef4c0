import { Allow, PUBLIC } from "@lamplight/subgraph-kit";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { money } from "../../money.js";
import { grantLoader } from "../grant/grant.loader.js";
import { ATTRIBUTION_RULE, DonationTrace } from "./trace.type.js";

@Resolver(() => DonationTrace)
export class TraceResolver {
  @Query(() => DonationTrace, {
    nullable: true,
    description:
      "Where a gift went, by its receipt number: the grants (homes, projects, cities) its money paid for, first in, first out within its designation. Public, like the receipt; an anonymous donor is not named.",
  })
  @Allow(PUBLIC)
  async donationTrace(
    @Arg("receiptNumber", () => String) receiptNumber: string,
    @Ctx() context: FundingContext,
  ): Promise<DonationTrace | null> {
    const donation = await context.traces.findByReceipt(receiptNumber.trim());
    if (!donation) return null;
    const shares = await context.traces.shares(donation);
    const grants = await grantLoader(context).loadMany(shares.slice(0, 100).map((share) => share.grantId));
    const traced = shares.reduce((sum, share) => sum + share.amountFen, 0n);
    const reversed =
      shares.length === 0 && (await context.donations.reversedEntries([donation.journalEntryId])).size > 0;
    return {
      donation,
      allocations: shares.slice(0, 100).map((share, index) => ({
        grant: grants[index] as NonNullable<(typeof grants)[number]> & object,
        amount: money(share.amountFen),
      })) as DonationTrace["allocations"],
      allocationCount: shares.length,
      unallocated: money(reversed ? 0n : donation.amountFen - traced),
      rule: ATTRIBUTION_RULE,
    };
  }
}
