import { Allow, checkIntegerBetween, ListBound, PartnerScope, PUBLIC } from "@lamplight/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { CampaignsContext } from "../../context.js";
import { ActivityCount } from "../activity/activity.type.js";
import { activityCountsLoader } from "./region.loader.js";
import { Region } from "./region.type.js";

@Resolver(() => Region)
export class RegionResolver {
  @ListBound(14 * 12)
  @PartnerScope("read:campaigns")
  @FieldResolver(() => [ActivityCount], {
    description:
      "How many activity occurrences were held in this region (and every region below it) in a year, per kind and month; only the kinds and months with any. At most 14 kinds × 12 months.",
  })
  @Allow(PUBLIC)
  activityCounts(
    @Root() region: Region,
    @Arg("year", () => Int) year: number,
    @Ctx() context: CampaignsContext,
  ): Promise<ActivityCount[]> {
    checkIntegerBetween(year, "year", 2000, 2100);
    return activityCountsLoader(context, year).load(region.code);
  }
}
