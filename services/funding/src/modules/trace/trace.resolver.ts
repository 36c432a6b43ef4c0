import { Allow, money, PUBLIC } from "@lamplight/subgraph-kit";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { reversedLoader } from "../donation/donation.loader.js";
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
    const shown = shares.slice(0, 100);
    const grants = await Promise.all(shown.map((share) => grantLoader(context).load(share.grantId)));
    const traced = shares.reduce((sum, share) => sum + share.amountFen, 0n);
    const reversed = (await reversedLoader(context).load(donation.journalEntryId)) === true;
    return {
      donation,
      allocations: shown.map((share, index) => ({ grant: grants[index]!, amount: money(share.amountFen) })),
      allocationCount: shares.length,
      unallocated: money(reversed ? 0n : donation.amountFen - traced),
      rule: ATTRIBUTION_RULE,
    };
  }
}
