import type { FundingContext } from "../../context.js";

/** Donations to the funds run within each region of the batch: one SQL query. */
export function regionRaisedLoader(context: FundingContext) {
  return context.loaders.get<string, bigint>("region.raised", async (codes) => {
    const sums = await context.donations.sumsWithinRegions(codes);
    return codes.map((code) => sums.get(code) ?? 0n);
  });
}
