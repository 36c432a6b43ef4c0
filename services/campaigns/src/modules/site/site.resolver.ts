import {
  Allow,
  type ConnectionResult,
  DateScalar,
  PageArgs,
  PartnerScope,
  PUBLIC,
  pageOfList,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CampaignsContext } from "../../context.js";
import { ActivityConnection, checkRange, OccurrenceConnection } from "../activity/activity.resolver.js";
import type { Activity, Occurrence } from "../activity/activity.type.js";
import { AwardConnection } from "../award/award.resolver.js";
import type { Award } from "../award/award.type.js";
import { siteActivityPageLoader, siteAwardsLoader, siteOccurrencePageLoader } from "./site.loader.js";
import { Site } from "./site.type.js";

@Resolver(() => Site)
export class SiteResolver {
  @PartnerScope("read:campaigns")
  @FieldResolver(() => ActivityConnection, {
    description:
      "The activities held at this home with an occurrence within the day range (all when no range), by first day. Public: the calendar is published.",
  })
  @Allow(PUBLIC)
  async activities(
    @Root() site: Site,
    @Arg("from", () => DateScalar, { nullable: true }) from: Date | null,
    @Arg("to", () => DateScalar, { nullable: true }) to: Date | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Activity>> {
    const request = pageRequest(page);
    const range = checkRange({ from, to });
    return siteActivityPageLoader(context, range, request).load(site.id);
  }

  @PartnerScope("read:campaigns")
  @FieldResolver(() => OccurrenceConnection, {
    description:
      "The dates of the activities held at this home within the day range (all when no range), in time order. Public.",
  })
  @Allow(PUBLIC)
  async occurrences(
    @Root() site: Site,
    @Arg("from", () => DateScalar, { nullable: true }) from: Date | null,
    @Arg("to", () => DateScalar, { nullable: true }) to: Date | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Occurrence>> {
    const request = pageRequest(page);
    const range = checkRange({ from, to });
    return siteOccurrencePageLoader(context, range, request).load(site.id);
  }

  @PartnerScope("read:campaigns")
  @FieldResolver(() => AwardConnection, {
    description:
      "The awards this home won (excellent home, in published selections), newest year first. Public: the funding subgraph's award grants rely on it.",
  })
  @Allow(PUBLIC)
  async awards(
    @Root() site: Site,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Award>> {
    const request = pageRequest(page);
    const rows = await siteAwardsLoader(context).load(site.id);
    const awards = rows.map((row) => ({ ...row, year: Number(row.year), rank: row.rank! }));
    return pageOfList<Award>(awards, request, [
      { field: "year", direction: "desc" },
      { field: "id", direction: "asc" },
    ]);
  }
}
