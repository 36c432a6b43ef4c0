import { aggregateLoader, byKeys, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";
import type { DisbursementRow, ExpenditureReportRow, GrantProgress, GrantRow } from "./grant.type.js";

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
  return aggregateLoader<string, bigint>(context, "site.granted", async (ids) => {
    const sums = await context.grants.awardedBy("siteId", ids);
    return ids.map((id) => sums.get(id) ?? 0n);
  });
}

/** Approved grants within each region of the batch: one SQL query. */
export function regionGrantedLoader(context: FundingContext) {
  return aggregateLoader<string, bigint>(context, "region.granted", async (codes) => {
    const sums = await context.grants.awardedWithinRegions(codes);
    return codes.map((code) => sums.get(code) ?? 0n);
  });
}

/** The same page of approved grants for each home of the batch: one SQL query. */
export function siteGrantPageLoader(context: FundingContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<GrantRow>>(
    `site.grants:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.grants.pagesBySite(ids, page, (id) =>
        siteGrantCountLoader(context).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

/** How many approved grants each home of the batch has: one SQL query. */
export function siteGrantCountLoader(context: FundingContext) {
  return context.loaders.get<string, number>("site.grantCount", async (ids) => {
    const counts = await context.grants.countBySite(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** The same page of payments for each grant of the batch: one SQL query. */
export function disbursementPageLoader(context: FundingContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<DisbursementRow>>(
    `grant.disbursements:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.grants.movementPages<DisbursementRow>(
        "GrantDisbursement",
        ids,
        page,
        async (id) => (await movementCountLoader(context).load(id)).disbursements,
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

/** The same page of spending reports for each grant of the batch: one SQL query. */
export function reportPageLoader(context: FundingContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<ExpenditureReportRow>>(
    `grant.reports:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.grants.movementPages<ExpenditureReportRow>(
        "ExpenditureReport",
        ids,
        page,
        async (id) => (await movementCountLoader(context).load(id)).reports,
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

/** How many payments and reports each grant of the batch has: one SQL query. */
export function movementCountLoader(context: FundingContext) {
  return context.loaders.get<string, { disbursements: number; reports: number }>(
    "grant.movementCounts",
    async (ids) => {
      const counts = await context.grants.movementCounts(ids);
      return ids.map((id) => counts.get(id) ?? { disbursements: 0, reports: 0 });
    },
  );
}
