import { BadUserInputError, NotFoundError, Role } from "@lamplight/platform";
import { addDays, getRegion, isRegionCode, todayInProvince, weekInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  checkDateRange,
  DateScalar,
  PageArgs,
  PartnerScope,
  PUBLIC,
  pageOfList,
  pageRequest,
  seesEveryoneCounted,
  suppressSmall,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CampaignsContext } from "../../context.js";
import { Organisation } from "../organisation/organisation.type.js";
import { projectLoader } from "../project/project.loader.js";
import { Project } from "../project/project.type.js";
import { Region } from "../region/region.type.js";
import { placesLoader, volunteerPageLoader } from "../registration/registration.loader.js";
import { Site } from "../site/site.type.js";
import { Volunteer } from "../volunteer/volunteer.type.js";
import { CalendarFilter, CreateActivityInput } from "./activity.inputs.js";
import {
  activityHomesLoader,
  activityLoader,
  occurrenceLoader,
  occurrencePageLoader,
} from "./activity.loader.js";
import { ACTIVITY_ORGANISERS, assertHomeHosts, assertMayOrganise } from "./activity.policy.js";
import { expandOccurrences, type RecurrenceRule, seriesProblem } from "./activity.recurrence.js";
import { cityCodeOf, type DayRange } from "./activity.repository.js";
import { Activity, Occurrence, Places, Recurrence } from "./activity.type.js";

export const ActivityConnection = Connection(Activity);
export const OccurrenceConnection = Connection(Occurrence);
export const SiteConnection = Connection(Site, "Site", { ofAnotherSubgraph: true });
export const VolunteerConnection = Connection(Volunteer, "Volunteer", { ofAnotherSubgraph: true });

/** A day range given as arguments: `to` not before `from` (the error names `to`, under `prefix`). */
export function checkRange(range: DayRange, prefix = ""): DayRange {
  return checkDateRange(range, { from: `${prefix}from`, to: `${prefix}to` });
}

function checkRegion(code: string, field: string): void {
  if (!isRegionCode(code)) {
    throw new BadUserInputError(`${field} "${code}" is not a region of the province`, { field });
  }
}

/** The roles that may see who serves at an occurrence: staff, and volunteers. */
const VOLUNTEER_VIEWERS = [
  Role.PROVINCE_ADMIN,
  Role.CITY_ADMIN,
  Role.COUNTY_OFFICER,
  Role.SITE_MANAGER,
  Role.VOLUNTEER,
] as const;

function ruleOf(input: CreateActivityInput): RecurrenceRule {
  switch (input.recurrence) {
    case Recurrence.WEEKLY:
      return { kind: "WEEKLY", weekdays: input.weekdays };
    case Recurrence.YEARLY_LUNAR:
      if (input.lunarMonth == null || input.lunarDay == null) {
        throw new BadUserInputError("A yearly lunar activity needs input.lunarMonth and input.lunarDay", {
          field: "input.lunarMonth",
        });
      }
      return { kind: "YEARLY_LUNAR", lunar: { month: input.lunarMonth, day: input.lunarDay } };
    default:
      return { kind: "ONCE" };
  }
}

@Resolver(() => Activity)
export class ActivityResolver {
  @PartnerScope("read:campaigns")
  @Query(() => Activity, { nullable: true, description: "One activity; null when there is none." })
  @Allow(PUBLIC)
  activity(@Arg("id", () => ID) id: string, @Ctx() context: CampaignsContext): Promise<Activity | null> {
    return activityLoader(context).load(id);
  }

  @Mutation(() => Activity, {
    description:
      "Plans an activity at homes (all in its county) or off-site, and stores its occurrences (every Mid-Autumn, every weekend…). City admins and county officers within their region, site managers at their own homes, province admins.",
  })
  @Allow(...ACTIVITY_ORGANISERS)
  async createActivity(
    @Arg("input", () => CreateActivityInput) input: CreateActivityInput,
    @Ctx() context: CampaignsContext,
  ): Promise<Activity> {
    const region = getRegion(input.regionCode);
    if (region?.level !== "COUNTY") {
      throw new BadUserInputError(`input.regionCode "${input.regionCode}" is not a county of the province`, {
        field: "input.regionCode",
      });
    }
    const homeIds = [...new Set(input.homeIds)];
    const venue = input.venue?.trim() || null;
    if (homeIds.length === 0 && !venue) {
      throw new BadUserInputError("Hold an activity at homes (input.homeIds) or off-site (input.venue)", {
        field: "input.homeIds",
      });
    }
    // Every home is one sites has announced, in the activity's county, and taking activities:
    // its county is the one sites says, never the one this input (or an earlier activity) said.
    const known = new Map((await context.activities.findHomes(homeIds)).map((home) => [home.siteId, home]));
    const unknown = homeIds.find((siteId) => !known.has(siteId));
    if (unknown) throw new NotFoundError("Site", unknown, { field: "input.homeIds" });
    assertMayOrganise(context.principal, input.regionCode, homeIds);
    for (const home of known.values()) assertHomeHosts(home, input.regionCode);
    if (input.projectId && !(await projectLoader(context).load(input.projectId))) {
      throw new BadUserInputError(`input.projectId ${input.projectId} is not a project`, {
        field: "input.projectId",
      });
    }
    const rule = ruleOf(input);
    // A one-off activity is held on startsOn. An endsOn on another day is refused, not dropped:
    // the organiser meant something this input cannot say (a series, or a different day).
    if (rule.kind === "ONCE" && input.endsOn && input.endsOn.getTime() !== input.startsOn.getTime()) {
      throw new BadUserInputError(
        "A one-off activity is held on input.startsOn: leave input.endsOn out, give the same day, or choose a recurrence",
        { field: "input.endsOn" },
      );
    }
    const endsOn = rule.kind === "ONCE" ? input.startsOn : input.endsOn;
    if (!endsOn) {
      throw new BadUserInputError("A recurring activity needs input.endsOn", { field: "input.endsOn" });
    }
    const spec = {
      rule,
      startsOn: input.startsOn,
      endsOn,
      startMinute: input.startMinute,
      durationMinutes: input.durationMinutes,
    };
    const problem = seriesProblem(spec);
    if (problem) throw new BadUserInputError(`input: ${problem}`, { field: "input.endsOn" });
    const dates = expandOccurrences(spec);
    if (dates.length === 0) {
      throw new BadUserInputError("The series has no occurrence between input.startsOn and input.endsOn", {
        field: "input.endsOn",
      });
    }
    return context.activities.create(
      {
        title: input.title.trim(),
        kind: input.kind,
        description: input.description?.trim() || null,
        projectId: input.projectId ?? null,
        regionCode: input.regionCode,
        cityCode: cityCodeOf(input.regionCode),
        venue,
        organiserOrganisationId: input.organiserOrganisationId ?? null,
        organiserName: input.organiserName.trim(),
        capacity: input.capacity,
        volunteerCapacity: input.volunteerCapacity,
        recurrence: input.recurrence,
        startsOn: input.startsOn,
        endsOn,
        startMinute: input.startMinute,
        durationMinutes: input.durationMinutes,
        weekdays: rule.kind === "WEEKLY" ? [...new Set(input.weekdays)].sort() : [],
        lunarMonth: rule.kind === "YEARLY_LUNAR" ? rule.lunar.month : null,
        lunarDay: rule.kind === "YEARLY_LUNAR" ? rule.lunar.day : null,
        createdBy: context.principal.subject ?? context.principal.kind,
      },
      homeIds,
      dates,
    );
  }

  @FieldResolver(() => Project, { nullable: true })
  project(@Root() activity: Activity, @Ctx() context: CampaignsContext): Promise<Project | null> | null {
    return activity.projectId ? projectLoader(context).load(activity.projectId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organising organisation, if any." })
  organiser(@Root() activity: Activity): Organisation | null {
    return activity.organiserOrganisationId ? Organisation.of(activity.organiserOrganisationId) : null;
  }

  @FieldResolver(() => Region, { description: "The county it is held in." })
  region(@Root() activity: Activity): Region {
    return Region.of(activity.regionCode);
  }

  @FieldResolver(() => SiteConnection, {
    description: "The homes holding it; none for an off-site activity.",
  })
  async homes(
    @Root() activity: Activity,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Site>> {
    const request = pageRequest(page);
    const ids = await activityHomesLoader(context).load(activity.id);
    const connection = pageOfList(
      ids.map((id) => ({ id })),
      request,
      [{ field: "id", direction: "asc" }],
    );
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ ...edge, node: Site.of(edge.node.id) })),
    };
  }

  @FieldResolver(() => OccurrenceConnection, { description: "Its dates within a day range, in time order." })
  async occurrences(
    @Root() activity: Activity,
    @Arg("from", () => DateScalar, { nullable: true }) from: Date | null,
    @Arg("to", () => DateScalar, { nullable: true }) to: Date | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Occurrence>> {
    const request = pageRequest(page);
    const range = checkRange({ from, to });
    return occurrencePageLoader(context, range, request).load(activity.id);
  }
}

@Resolver(() => Occurrence)
export class OccurrenceResolver {
  @PartnerScope("read:campaigns")
  @Query(() => Occurrence, {
    nullable: true,
    description: "One date of an activity; null when there is none.",
  })
  @Allow(PUBLIC)
  occurrence(@Arg("id", () => ID) id: string, @Ctx() context: CampaignsContext): Promise<Occurrence | null> {
    return occurrenceLoader(context).load(id);
  }

  @PartnerScope("read:campaigns")
  @Query(() => OccurrenceConnection, {
    description: "The calendar: what is held, by region, home, kind and day range, in time order.",
  })
  @Allow(PUBLIC)
  calendar(
    @Arg("filter", () => CalendarFilter, { nullable: true }) filter: CalendarFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Occurrence>> {
    if (filter?.region) checkRegion(filter.region, "filter.region");
    const range = checkRange({ from: filter?.from ?? null, to: filter?.to ?? null }, "filter.");
    return context.activities.calendar(
      {
        region: filter?.region ?? null,
        homeId: filter?.homeId ?? null,
        kind: filter?.kind ?? null,
        ...range,
      },
      pageRequest(page),
    );
  }

  @PartnerScope("read:campaigns")
  @Query(() => OccurrenceConnection, {
    description: "What is on this week (Monday to Sunday, Beijing time) in a city or county, in time order.",
  })
  @Allow(PUBLIC)
  thisWeek(
    @Arg("region", () => ID, { description: "A city's (or a county's) code, e.g. 510700." })
    region: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Occurrence>> {
    checkRegion(region, "region");
    const { monday, sunday } = weekInProvince();
    return context.activities.calendar(
      { region, homeId: null, kind: null, from: monday, to: sunday },
      pageRequest(page),
    );
  }

  @PartnerScope("read:campaigns")
  @Query(() => SiteConnection, {
    description:
      'Homes in a region that held no activity in the last `days` days (today included): the target is "regular activities". Homes this subgraph knows of (every home that ever held one).',
  })
  @Allow(PUBLIC)
  async homesWithoutActivities(
    @Arg("region", () => ID) region: string,
    @Arg("days", () => Int) days: number,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Site>> {
    checkRegion(region, "region");
    if (!Number.isInteger(days) || days < 1 || days > 366) {
      throw new BadUserInputError("days must be between 1 and 366", { field: "days" });
    }
    const today = todayInProvince();
    const range = { from: addDays(today, 1 - days), to: today };
    const homes = await context.activities.idleHomes(region, range, pageRequest(page));
    return { ...homes, edges: homes.edges.map((edge) => ({ ...edge, node: Site.of(edge.node.siteId) })) };
  }

  @FieldResolver(() => Activity)
  async activity(@Root() occurrence: Occurrence, @Ctx() context: CampaignsContext): Promise<Activity> {
    return (await activityLoader(context).load(occurrence.activityId))!;
  }

  @FieldResolver(() => Region, { description: "The county it is held in." })
  region(@Root() occurrence: Occurrence): Region {
    return Region.of(occurrence.regionCode);
  }

  @FieldResolver(() => Places, {
    description:
      "Places taken and left. Children's counts are null when small enough to point at a child, unless you may see every child of the county it is held in.",
  })
  async places(@Root() occurrence: Occurrence, @Ctx() context: CampaignsContext): Promise<Places> {
    const [counts, activity] = await Promise.all([
      placesLoader(context).load(occurrence.id),
      activityLoader(context).load(occurrence.activityId),
    ]);
    // Exact only for whoever may see every child of the county it is held in.
    const exact = seesEveryoneCounted(context.principal, { regionCodes: [occurrence.regionCode] });
    const figure = (count: number) => (exact ? count : suppressSmall(count, context.suppressBelow));
    const confirmed = figure(counts.childrenConfirmed);
    return {
      childrenConfirmed: confirmed,
      childrenWaiting: figure(counts.childrenWaiting),
      childrenLeft: confirmed === null ? null : Math.max(0, activity!.capacity - counts.childrenConfirmed),
      volunteersConfirmed: counts.volunteersConfirmed,
      volunteersWaiting: counts.volunteersWaiting,
      volunteersLeft: Math.max(0, activity!.volunteerCapacity - counts.volunteersConfirmed),
    };
  }

  @FieldResolver(() => VolunteerConnection, {
    description:
      "The volunteers with a place (or, with attended: true, those who served), in the order they registered. Staff and volunteers.",
  })
  @Allow(...VOLUNTEER_VIEWERS)
  async volunteers(
    @Root() occurrence: Occurrence,
    @Arg("attended", () => Boolean, {
      defaultValue: false,
      description: "Only those recorded as having come: the volunteers who served.",
    })
    attended: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Volunteer>> {
    const request = pageRequest(page);
    const registrations = await volunteerPageLoader(context, request, attended).load(occurrence.id);
    return {
      ...registrations,
      edges: registrations.edges.map((edge) => ({ ...edge, node: Volunteer.of(edge.node.volunteerId!) })),
    };
  }
}
