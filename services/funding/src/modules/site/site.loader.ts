import { aggregateLoader } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";

/** Money designated to each home of the batch: one grouped SQL query. */
export function fundsReceivedLoader(context: FundingContext) {
  return aggregateLoader<string, bigint>(context, "site.fundsReceived", async (siteIds) => {
    const sums = await context.donations.sumsBySite(siteIds);
    return siteIds.map((id) => sums.get(id) ?? 0n);
  });
}
