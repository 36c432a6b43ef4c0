import { aggregateLoader } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";

/** Donations designated to each project of the batch (reversed ones left out): one grouped query. */
export function projectRaisedLoader(context: FundingContext) {
  return aggregateLoader<string, bigint>(context, "project.raised", async (ids) => {
    const sums = await context.donations.sumsByProject(ids);
    return ids.map((id) => sums.get(id) ?? 0n);
  });
}

/** Approved grants to each project of the batch: one grouped query. */
export function projectGrantedLoader(context: FundingContext) {
  return aggregateLoader<string, bigint>(context, "project.granted", async (ids) => {
    const sums = await context.grants.awardedBy("projectId", ids);
    return ids.map((id) => sums.get(id) ?? 0n);
  });
}
