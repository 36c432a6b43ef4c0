import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  hasRole,
  NotFoundError,
  Role,
} from "@lamplight/platform";
import { Allow, Connection, type ConnectionResult, PageArgs, pageRequest } from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CampaignsContext } from "../../context.js";
import {
  activityHomesLoader,
  activityLoader,
  homeLoader,
  occurrenceLoader,
} from "../activity/activity.loader.js";
import { mayRunActivity } from "../activity/activity.policy.js";
import { Activity, Occurrence } from "../activity/activity.type.js";
import { Site } from "../site/site.type.js";
import { Student } from "../student/student.type.js";
import { Volunteer } from "../volunteer/volunteer.type.js";
import { RecordAttendanceInput, RegisterChildInput, RegisterVolunteerInput } from "./registration.inputs.js";
import { registrationLoader, waitingPositionLoader } from "./registration.loader.js";
import {
  assertMayActForChildHome,
  assertMayActForVolunteer,
  assertMayRunActivity,
  REGISTRARS,
} from "./registration.policy.js";
import { Cancellation, Participant, Registration, RegistrationStatus } from "./registration.type.js";

export const RegistrationConnection = Connection(Registration, "ActivityRegistration");

const actor = (context: CampaignsContext) => context.principal.subject ?? context.principal.kind;

/** The occurrence and its activity and homes, or NOT_FOUND; registration closes when it has ended. */
async function openOccurrence(context: CampaignsContext, occurrenceId: string) {
  const occurrence = await occurrenceLoader(context).load(occurrenceId);
  if (!occurrence) throw new NotFoundError("Occurrence", occurrenceId);
  const [activity, homeIds] = await Promise.all([
    activityLoader(context).load(occurrence.activityId),
    activityHomesLoader(context).load(occurrence.activityId),
  ]);
  return { occurrence, activity: activity!, homeIds };
}

@Resolver(() => Registration)
export class RegistrationResolver {
  @Mutation(() => Registration, {
    description:
      "Registers a child for an occurrence: a place while the children's places last, the waiting list after. Only staff who may act for the child's home: its site manager, officials whose region covers it, province admins.",
  })
  @Allow(...REGISTRARS)
  async registerChildForActivity(
    @Arg("input", () => RegisterChildInput) input: RegisterChildInput,
    @Ctx() context: CampaignsContext,
  ): Promise<Registration> {
    // The child is one people has announced, registered by the home they attend: scoped by that
    // home's county as sites says it, never by what this input says.
    const student = await context.knownStudents.require(input.studentId, "input.studentId");
    if (student.siteId !== input.homeId) {
      throw new BadUserInputError(
        student.siteId
          ? `Child ${input.studentId} attends home ${student.siteId}, not input.homeId`
          : `Child ${input.studentId} attends no home`,
        { field: "input.homeId", siteId: student.siteId },
      );
    }
    assertMayActForChildHome(context.principal, input.homeId, await homeLoader(context).load(input.homeId));
    const { occurrence, activity } = await openOccurrence(context, input.occurrenceId);
    if (occurrence.endsAt.getTime() <= Date.now()) {
      throw new BadUserInputError("This occurrence has ended", { field: "input.occurrenceId" });
    }
    return context.registrationService.register(
      {
        occurrenceId: occurrence.id,
        activityId: activity.id,
        participant: Participant.CHILD,
        studentId: input.studentId,
        volunteerId: null,
        homeId: input.homeId,
        registeredBy: actor(context),
      },
      activity.capacity,
    );
  }

  @Mutation(() => Registration, {
    description:
      "Registers a volunteer for an occurrence: a place while the volunteers' places last, the waiting list after. Volunteers register themselves; the activity's staff any volunteer.",
  })
  @Allow(...REGISTRARS, Role.VOLUNTEER)
  async registerVolunteerForActivity(
    @Arg("input", () => RegisterVolunteerInput) input: RegisterVolunteerInput,
    @Ctx() context: CampaignsContext,
  ): Promise<Registration> {
    const volunteerId = input.volunteerId ?? context.principal.volunteerId;
    if (!volunteerId) {
      throw new BadUserInputError("Name the volunteer (input.volunteerId)", { field: "input.volunteerId" });
    }
    const volunteer = await context.knownVolunteers.require(volunteerId, "input.volunteerId");
    if (volunteer.status !== "ACTIVE") {
      throw new ConflictError(
        `Volunteer ${volunteerId} is ${volunteer.status}: only an active volunteer serves`,
        {
          field: "input.volunteerId",
          status: volunteer.status,
        },
      );
    }
    const { occurrence, activity, homeIds } = await openOccurrence(context, input.occurrenceId);
    assertMayActForVolunteer(context.principal, volunteerId, activity, homeIds);
    if (occurrence.endsAt.getTime() <= Date.now()) {
      throw new BadUserInputError("This occurrence has ended", { field: "input.occurrenceId" });
    }
    return context.registrationService.register(
      {
        occurrenceId: occurrence.id,
        activityId: activity.id,
        participant: Participant.VOLUNTEER,
        studentId: null,
        volunteerId,
        homeId: null,
        registeredBy: actor(context),
      },
      activity.volunteerCapacity,
    );
  }

  @Mutation(() => Cancellation, {
    description:
      "Gives a place (or a place on the waiting list) back; the first in line of the same kind then gets the place. A child's by staff who may act for their home; a volunteer's by the volunteer or the activity's staff.",
  })
  @Allow(...REGISTRARS, Role.VOLUNTEER)
  async cancelActivityRegistration(
    @Arg("id", () => ID) id: string,
    @Ctx() context: CampaignsContext,
  ): Promise<Cancellation> {
    const registration = await registrationLoader(context).load(id);
    if (!registration) throw new NotFoundError("Registration", id);
    const { activity, homeIds } = await openOccurrence(context, registration.occurrenceId);
    if (registration.participant === Participant.CHILD) {
      if (!hasRole(context.principal, ...REGISTRARS))
        throw new ForbiddenError("A child's place is given back by the staff of their home");
      assertMayActForChildHome(
        context.principal,
        registration.homeId!,
        await homeLoader(context).load(registration.homeId!),
      );
    } else {
      assertMayActForVolunteer(context.principal, registration.volunteerId!, activity, homeIds);
    }
    const capacity =
      registration.participant === Participant.CHILD ? activity.capacity : activity.volunteerCapacity;
    return context.registrationService.cancel(id, capacity);
  }

  @Mutation(() => Registration, {
    description:
      "Records whether a confirmed participant came, and for how long (volunteers' minutes count as their service). The activity's staff, once it has begun.",
  })
  @Allow(...REGISTRARS)
  async recordActivityAttendance(
    @Arg("input", () => RecordAttendanceInput) input: RecordAttendanceInput,
    @Ctx() context: CampaignsContext,
  ): Promise<Registration> {
    const registration = await registrationLoader(context).load(input.registrationId);
    if (!registration) throw new NotFoundError("Registration", input.registrationId);
    const { occurrence, activity, homeIds } = await openOccurrence(context, registration.occurrenceId);
    assertMayRunActivity(context.principal, activity, homeIds);
    if (registration.status !== RegistrationStatus.CONFIRMED) {
      throw new BadUserInputError("Only a confirmed registration has attendance", {
        field: "input.registrationId",
      });
    }
    if (occurrence.startsAt.getTime() > Date.now()) {
      throw new BadUserInputError("This occurrence has not begun yet", { field: "input.registrationId" });
    }
    const length = Math.round((occurrence.endsAt.getTime() - occurrence.startsAt.getTime()) / 60_000);
    const minutes = input.attended ? (input.minutes ?? Math.min(length, 1440)) : 0;
    return context.registrations.recordAttendance(registration.id, input.attended, minutes);
  }

  @Query(() => RegistrationConnection, {
    description:
      "Who is registered for an occurrence, in the order they registered. The activity's staff see everyone; a site manager of another home sees the volunteers and the children of their own homes.",
  })
  @Allow(...REGISTRARS)
  async activityRegistrations(
    @Arg("occurrenceId", () => ID) occurrenceId: string,
    @Arg("participant", () => Participant, { nullable: true }) participant: Participant | null,
    @Arg("status", () => RegistrationStatus, { nullable: true }) status: RegistrationStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Registration>> {
    const request = pageRequest(page);
    const { activity, homeIds } = await openOccurrence(context, occurrenceId);
    const everyone = mayRunActivity(context.principal, activity, homeIds);
    if (!everyone && !hasRole(context.principal, Role.SITE_MANAGER)) {
      assertMayRunActivity(context.principal, activity, homeIds);
    }
    return context.registrations.list(
      occurrenceId,
      { participant, status, homeIds: everyone ? null : [...context.principal.siteIds] },
      request,
    );
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "On the waiting list: the place in line (1 is next). Null for anyone else.",
  })
  waitingPosition(
    @Root() registration: Registration,
    @Ctx() context: CampaignsContext,
  ): Promise<number | null> | null {
    if (registration.status !== RegistrationStatus.WAITLISTED) return null;
    return waitingPositionLoader(context).load(registration.id);
  }

  @FieldResolver(() => Occurrence)
  async occurrence(
    @Root() registration: Registration,
    @Ctx() context: CampaignsContext,
  ): Promise<Occurrence> {
    return (await occurrenceLoader(context).load(registration.occurrenceId))!;
  }

  @FieldResolver(() => Activity)
  async activity(@Root() registration: Registration, @Ctx() context: CampaignsContext): Promise<Activity> {
    return (await activityLoader(context).load(registration.activityId))!;
  }

  @FieldResolver(() => Student, { nullable: true, description: "The child (CHILD registrations)." })
  student(@Root() registration: Registration): Student | null {
    return registration.studentId ? Student.of(registration.studentId) : null;
  }

  @FieldResolver(() => Volunteer, { nullable: true, description: "The volunteer (VOLUNTEER registrations)." })
  volunteer(@Root() registration: Registration): Volunteer | null {
    return registration.volunteerId ? Volunteer.of(registration.volunteerId) : null;
  }

  @FieldResolver(() => Site, { nullable: true, description: "The home the child attends." })
  home(@Root() registration: Registration): Site | null {
    return registration.homeId ? Site.of(registration.homeId) : null;
  }
}
