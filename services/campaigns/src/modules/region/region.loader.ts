import { getRegion } from "@lamplight/regions";
import { aggregateLoader } from "@lamplight/subgraph-kit";
import type { CampaignsContext } from "../../context.js";
import type { ActivityKind } from "../activity/activity.type.js";

export interface KindMonthCount {
  kind: ActivityKind;
  month: string;
  count: number;
}

/**
 * Occurrences per kind and month of one year for every region of the batch: one grouped query by
 * county, summed here into each region (a county its own rows, a city its counties', the province all).
 */
export function activityCountsLoader(context: CampaignsContext, year: number) {
  return aggregateLoader<string, KindMonthCount[]>(
    context,
    `region.activityCounts:${year}`,
    async (codes) => {
      const rows = await context.activities.countsByCounty(codes, year);
      return codes.map((code) => {
        const level = getRegion(code)?.level;
        const sums = new Map<string, KindMonthCount>();
        for (const row of rows) {
          const inside =
            level === "PROVINCE" ||
            (level === "CITY" && row.cityCode === code) ||
            (level === "COUNTY" && row.regionCode === code);
          if (!inside) continue;
          const key = `${row.kind}|${row.month}`;
          const sum = sums.get(key) ?? { kind: row.kind, month: row.month, count: 0 };
          sum.count += row.count;
          sums.set(key, sum);
        }
        return [...sums.values()].sort(
          (a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind),
        );
      });
    },
  );
}
