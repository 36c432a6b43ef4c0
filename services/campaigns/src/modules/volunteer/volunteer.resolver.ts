import { Allow, type ConnectionResult, PageArgs, PUBLIC, pageRequest } from "@lamplight/subgraph-kit";
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { CampaignsContext } from "../../context.js";
import { ActivityConnection } from "../activity/activity.resolver.js";
import type { Activity } from "../activity/activity.type.js";
import { activityMinutesLoader, volunteerActivityPageLoader } from "./volunteer.loader.js";
import { assertMaySeeVolunteerActivities, VOLUNTEER_ACTIVITY_VIEWERS } from "./volunteer.policy.js";
import { Volunteer } from "./volunteer.type.js";

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @FieldResolver(() => ActivityConnection, {
    description:
      "The activities the volunteer is registered for (a place or the waiting list), by first day. The volunteer and staff.",
  })
  @Allow(...VOLUNTEER_ACTIVITY_VIEWERS)
  async activities(
    @Root() volunteer: Volunteer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Activity>> {
    assertMaySeeVolunteerActivities(context.principal, volunteer.id);
    const request = pageRequest(page);
    return volunteerActivityPageLoader(context, request).load(volunteer.id);
  }

  @FieldResolver(() => Int, {
    description:
      "Minutes the volunteer served at activities, from recorded attendance. The people subgraph adds them to the volunteer's own logged service (serviceMinutes), and decides who sees that.",
  })
  @Allow(PUBLIC)
  activityMinutes(@Root() volunteer: Volunteer, @Ctx() context: CampaignsContext): Promise<number> {
    return activityMinutesLoader(context).load(volunteer.id);
  }
}
