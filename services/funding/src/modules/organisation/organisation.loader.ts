import { aggregateLoader } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";

/** What each organisation of the batch gave in its own name: one grouped SQL query. */
export function donatedLoader(context: FundingContext) {
  return aggregateLoader<string, bigint>(context, "organisation.donated", async (ids) => {
    const sums = await context.donations.sumsByOrganisation(ids);
    return ids.map((id) => sums.get(id) ?? 0n);
  });
}
