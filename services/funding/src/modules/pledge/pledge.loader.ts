import type { FundingContext } from "../../context.js";

/** What was paid on each instalment of the batch: one grouped SQL query. */
export function instalmentPaidLoader(context: FundingContext) {
  return context.loaders.get<string, bigint>("pledgeInstalment.paid", async (ids) => {
    const paid = await context.pledges.paid(ids);
    return ids.map((id) => paid.get(id) ?? 0n);
  });
}
