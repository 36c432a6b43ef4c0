import type { FundingContext } from "../../context.js";

/** Whether each journal entry of the batch (a donation's) has been reversed: one SQL query. */
export function reversedLoader(context: FundingContext) {
  return context.loaders.get<string, boolean>("donation.reversed", async (entryIds) => {
    const reversed = await context.donations.reversedEntries(entryIds);
    return entryIds.map((id) => reversed.has(id));
  });
}
