import { Allow, BadUserInputError, ListBound, PUBLIC } from "@lamplight/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { CampaignsContext } from "../../context.js";
import { ActivityCount } from "../activity/activity.type.js";
import { activityCountsLoader } from "./region.loader.js";
import { Region } from "./region.type.js";

@Resolver(() => Region)
export class RegionResolver {
  @ListBound(14 * 12)
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
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new BadUserInputError("year must be between 2000 and 2100", { field: "year" });
    }
    return activityCountsLoader(context, year).load(region.code);
  }
}
