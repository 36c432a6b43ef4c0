import { byKeys } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";
import type { GrantProgress, GrantRow } from "./grant.type.js";

/** The request's Grant-by-id loader: one SQL query per batch. */
export function grantLoader(context: FundingContext) {
  return context.loaders.get<string, GrantRow | null>("grant.byId", async (ids) =>
    byKeys(ids, await context.grants.findByIds(ids), (grant) => grant.id),
  );
}

/** Paid and accounted for, per grant of the batch: one SQL query. */
export function grantProgressLoader(context: FundingContext) {
  return context.loaders.get<string, GrantProgress>("grant.progress", async (ids) => {
    const progress = await context.grants.progress(ids);
    return ids.map((id) => progress.get(id) ?? { disbursedFen: 0n, reportedFen: 0n });
  });
}

/** Approved grants to each home of the batch: one grouped SQL query. */
export function siteGrantedLoader(context: FundingContext) {
  return context.loaders.get<string, bigint>("site.granted", async (ids) => {
    const sums = await context.grants.awardedBy("siteId", ids);
    return ids.map((id) => sums.get(id) ?? 0n);
  });
}

/** Approved grants within each region of the batch: one SQL query. */
export function regionGrantedLoader(context: FundingContext) {
  return context.loaders.get<string, bigint>("region.granted", async (codes) => {
    const sums = await context.grants.awardedWithinRegions(codes);
    return codes.map((code) => sums.get(code) ?? 0n);
  });
}
