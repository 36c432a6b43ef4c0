import { byKeys } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";
import type { JournalEntryRow } from "./journal.type.js";

/** The request's JournalEntry-by-id loader (with lines): one SQL query per batch. */
export function journalEntryLoader(context: FundingContext) {
  return context.loaders.get<string, JournalEntryRow | null>("journalEntry.byId", async (ids) =>
    byKeys(ids, await context.journal.findByIds(ids), (entry) => entry.id),
  );
}

/** The entry that reverses each entry of the batch, or null: one SQL query per batch. */
export function reversalLoader(context: FundingContext) {
  return context.loaders.get<string, JournalEntryRow | null>("journalEntry.reversal", async (ids) => {
    const reversals = await context.journal.reversalsOf(ids);
    return ids.map((id) => reversals.get(id) ?? null);
  });
}
