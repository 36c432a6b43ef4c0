import { BadUserInputError } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import { Allow, ListBound, money, PUBLIC, refuseBeyondBound } from "@lamplight/subgraph-kit";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { fundByCodeLoader } from "../fund/fund.loader.js";
import { giving360Csv, giving360Json } from "./transparency.giving360.js";
import { GivingFormat, GrantGroupBy, GrantTotal } from "./transparency.type.js";

/** The most groups one grantTotals serves (by home: every home of the province, with room to grow). */
const MOST_GRANT_TOTALS = 2_000;

/** Public, aggregate views of where the money went: no donor appears in any of them. */
@Resolver()
export class TransparencyResolver {
  @ListBound(MOST_GRANT_TOTALS)
  @Query(() => [GrantTotal], {
    description:
      "Approved grants, grouped by fund, city, purpose, recipient kind, home, project, year or month. Public: aggregates only.",
  })
  @Allow(PUBLIC)
  async grantTotals(
    @Arg("groupBy", () => GrantGroupBy) groupBy: GrantGroupBy,
    @Arg("fundCode", () => String, { nullable: true, description: "Only this fund." }) fundCode:
      | string
      | null,
    @Ctx() context: FundingContext,
  ): Promise<GrantTotal[]> {
    let fundId: string | null = null;
    if (fundCode) {
      const fund = await fundByCodeLoader(context).load(fundCode);
      if (!fund) throw new BadUserInputError(`fundCode "${fundCode}" is not a fund`, { field: "fundCode" });
      fundId = fund.id;
    }
    const rows = refuseBeyondBound(await context.grants.totals(groupBy, fundId), MOST_GRANT_TOTALS, {
      field: "groupBy",
      narrowBy: "fundCode",
    });
    return rows.map((row) => ({
      key: row.key,
      label: groupBy === GrantGroupBy.CITY ? (getRegion(row.key)?.name ?? row.key) : row.key,
      awarded: money(row.awardedFen),
      disbursed: money(row.disbursedFen),
      grants: row.grants,
    }));
  }

  @Query(() => String, {
    description:
      "Every approved grant in the 360Giving Data Standard, as a JSON package or a CSV file (also served at GET /360giving/grants.json and /360giving/grants.csv). Public: no donor is named.",
  })
  @Allow(PUBLIC)
  async grants360Giving(
    @Arg("format", () => GivingFormat, { defaultValue: GivingFormat.JSON }) format: GivingFormat,
    @Ctx() context: FundingContext,
  ): Promise<string> {
    const grants = await context.grants.published();
    return format === GivingFormat.CSV ? giving360Csv(grants) : giving360Json(grants);
  }
}
