import { aggregateLoader } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";

/** Donations to the funds run within each region of the batch: one SQL query. */
export function regionRaisedLoader(context: FundingContext) {
  return aggregateLoader<string, bigint>(context, "region.raised", async (codes) => {
    const sums = await context.donations.sumsWithinRegions(codes);
    return codes.map((code) => sums.get(code) ?? 0n);
  });
}
