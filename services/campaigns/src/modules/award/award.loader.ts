import { byKeys } from "@lamplight/subgraph-kit";
import type { CampaignsContext } from "../../context.js";
import type { WinnerRow } from "./award.repository.js";
import type { AwardSelection, Nomination, Review } from "./award.type.js";

export function selectionLoader(context: CampaignsContext) {
  return context.loaders.get<string, AwardSelection | null>("awardSelection.byId", async (ids) =>
    byKeys(ids, await context.awards.findSelections(ids), (selection) => selection.id),
  );
}

export function nominationLoader(context: CampaignsContext) {
  return context.loaders.get<string, Nomination | null>("nomination.byId", async (ids) =>
    byKeys(ids, await context.awards.findNominations(ids), (nomination) => nomination.id),
  );
}

/** The scores of every nomination of the batch: one query (a nomination has a panel's worth). */
export function reviewsLoader(context: CampaignsContext) {
  return context.loaders.get<string, Review[]>("nomination.reviews", async (ids) => {
    const rows = await context.awards.reviewsOf(ids);
    return ids.map((id) => rows.filter((row) => row.nominationId === id));
  });
}

export function scoreSummaryLoader(context: CampaignsContext) {
  return context.loaders.get<string, { reviews: number; average: number | null }>(
    "nomination.scoreSummary",
    async (ids) => {
      const summaries = await context.awards.scoreSummaries(ids);
      return ids.map((id) => summaries.get(id) ?? { reviews: 0, average: null });
    },
  );
}

/** The published awards of every home of the batch: one query. */
export function siteAwardsLoader(context: CampaignsContext) {
  return context.loaders.get<string, WinnerRow[]>("site.awards", async (ids) => {
    const rows = await context.awards.winningHomes(ids);
    return ids.map((id) => rows.filter((row) => row.siteId === id));
  });
}
