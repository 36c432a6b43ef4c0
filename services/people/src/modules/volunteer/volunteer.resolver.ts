import { BadUserInputError, ConflictError, NotFoundError, type Principal, Role } from "@lamplight/platform";
import { isoDay, todayInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  ListBound,
  PageArgs,
  pageRequest,
  Sensitive,
} from "@lamplight/subgraph-kit";
import {
  Arg,
  Args,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { pairingCountLoader, pairingPageLoader } from "../pairing/pairing.loader.js";
import { PairingConnection } from "../pairing/pairing.resolver.js";
import { pairingProblems } from "../pairing/pairing.rules.js";
import type { Pairing } from "../pairing/pairing.type.js";
import { Region } from "../region/region.type.js";
import {
  BackgroundCheckInput,
  LogServiceInput,
  RegisterVolunteerInput,
  TrainingInput,
  UpdateVolunteerInput,
  VolunteerFilter,
} from "./volunteer.inputs.js";
import { checkIsCurrent } from "./volunteer.lifecycle.js";
import {
  loggedTotalsLoader,
  serviceLogPageLoader,
  trainingsLoader,
  volunteerLoader,
} from "./volunteer.loader.js";
import {
  assertManagesVolunteersIn,
  assertMayViewVolunteer,
  isVolunteer,
  mayViewVolunteer,
  VOLUNTEER_MANAGERS,
  VOLUNTEER_VIEWERS,
  volunteerRegionScope,
} from "./volunteer.policy.js";
import { requireVolunteerCounty } from "./volunteer.scope.js";
import { Availability, BackgroundCheck, ServiceLog, Training, Volunteer } from "./volunteer.type.js";

export const VolunteerConnection = Connection(Volunteer);
export const ServiceLogConnection = Connection(ServiceLog);

@ObjectType({ description: "Whether a volunteer may take on another child now, and if not, why." })
export class PairingEligibility {
  @Field(() => Boolean)
  eligible!: boolean;

  @ListBound(20)
  @Field(() => [String], { description: "Codes: VOLUNTEER_NOT_ACTIVE, BACKGROUND_CHECK_MISSING, …" })
  reasons!: string[];

  @Field(() => Int, { description: "Children they may still take on." })
  placesLeft!: number;
}

/** A volunteer's personal data: the volunteer themself, and managers covering their region. Audited. */
const VOLUNTEER_PERSONAL = {
  allow: (principal: Principal, volunteer: Volunteer) => mayViewVolunteer(principal, volunteer),
};

const trimmed = (text: string | null | undefined): string | null => text?.trim() || null;

async function load(context: PeopleContext, id: string): Promise<Volunteer> {
  const volunteer = await volunteerLoader(context).load(id);
  if (!volunteer) throw new NotFoundError("Volunteer", id);
  return volunteer;
}

/** A volunteer the caller manages (their region), or NOT_FOUND / FORBIDDEN. */
async function managed(context: PeopleContext, id: string): Promise<Volunteer> {
  const volunteer = await load(context, id);
  assertManagesVolunteersIn(context.principal, volunteer.regionCode);
  return volunteer;
}

function checkBackgroundCheck(check: BackgroundCheckInput): void {
  const now = todayInProvince();
  if (check.checkedOn > now) {
    throw new BadUserInputError("backgroundCheck.checkedOn is in the future", {
      field: "backgroundCheck.checkedOn",
    });
  }
  if (check.expiresOn <= check.checkedOn) {
    throw new BadUserInputError("backgroundCheck.expiresOn must be after checkedOn", {
      field: "backgroundCheck.expiresOn",
    });
  }
  if (check.expiresOn < now) {
    throw new BadUserInputError("backgroundCheck.expiresOn has passed: this check is no longer valid", {
      field: "backgroundCheck.expiresOn",
    });
  }
}

const checkColumns = (check: BackgroundCheckInput) => ({
  backgroundCheckedOn: check.checkedOn,
  backgroundCheckExpiresOn: check.expiresOn,
  backgroundCheckReference: trimmed(check.reference),
});

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Query(() => Volunteer, {
    nullable: true,
    description:
      "One volunteer; null when there is none. FORBIDDEN outside your region (a volunteer: anyone but you).",
  })
  @Allow(...VOLUNTEER_VIEWERS)
  async volunteer(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<Volunteer | null> {
    const volunteer = await volunteerLoader(context).load(id);
    if (!volunteer) return null;
    assertMayViewVolunteer(context.principal, volunteer);
    return volunteer;
  }

  @Query(() => Volunteer, {
    nullable: true,
    description: "Your own volunteer record, signed in as a volunteer.",
  })
  @Allow(Role.VOLUNTEER)
  currentVolunteer(@Ctx() context: PeopleContext): Promise<Volunteer | null> | null {
    const id = context.principal.volunteerId;
    return id ? volunteerLoader(context).load(id) : null;
  }

  @Query(() => VolunteerConnection, {
    description: "The volunteers in your region, by name, a page at a time.",
  })
  @Allow(...VOLUNTEER_MANAGERS)
  volunteers(
    @Arg("filter", () => VolunteerFilter, { nullable: true }) filter: VolunteerFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<Volunteer>> {
    return context.volunteers.list(volunteerRegionScope(context.principal), filter, pageRequest(page));
  }

  @Mutation(() => Volunteer, {
    description: "Registers a volunteer's application (status APPLIED) in a county of your region.",
  })
  @Allow(...VOLUNTEER_MANAGERS)
  registerVolunteer(
    @Arg("input", () => RegisterVolunteerInput) input: RegisterVolunteerInput,
    @Ctx() context: PeopleContext,
  ): Promise<Volunteer> {
    const region = requireVolunteerCounty(input.regionCode, "input.regionCode");
    assertManagesVolunteersIn(context.principal, region.regionCode);
    return context.volunteerService.register({
      name: input.name.trim(),
      phone: input.phone ?? null,
      kind: input.kind,
      ...region,
      skills: [...new Set(input.skills)],
      availableDays: [...new Set(input.availableDays)],
      weeklyHours: input.weeklyHours,
    });
  }

  @Mutation(() => Volunteer, {
    description:
      "APPLIED → VETTED, with the background check for working with minors. CONFLICT from any other status.",
  })
  @Allow(...VOLUNTEER_MANAGERS)
  async vetVolunteer(
    @Arg("id", () => ID) id: string,
    @Arg("backgroundCheck", () => BackgroundCheckInput) backgroundCheck: BackgroundCheckInput,
    @Ctx() context: PeopleContext,
  ): Promise<Volunteer> {
    await managed(context, id);
    checkBackgroundCheck(backgroundCheck);
    return context.volunteerService.step(id, "vet", checkColumns(backgroundCheck));
  }

  @Mutation(() => Volunteer, {
    description:
      "VETTED or INACTIVE → ACTIVE. CONFLICT from APPLIED (vet first) or ACTIVE, or when the background check has expired.",
  })
  @Allow(...VOLUNTEER_MANAGERS)
  async activateVolunteer(
    @Arg("id", () => ID) id: string,
    @Ctx() context: PeopleContext,
  ): Promise<Volunteer> {
    const volunteer = await managed(context, id);
    if (
      volunteer.status !== "APPLIED" &&
      !checkIsCurrent(volunteer.backgroundCheckExpiresOn, todayInProvince())
    ) {
      throw new ConflictError(
        `The background check expired on ${volunteer.backgroundCheckExpiresOn ? isoDay(volunteer.backgroundCheckExpiresOn) : "?"}; renew it before activating`,
        { reason: "BACKGROUND_CHECK_EXPIRED" },
      );
    }
    return context.volunteerService.step(id, "activate", { inactiveReason: null });
  }

  @Mutation(() => Volunteer, {
    description:
      "VETTED or ACTIVE → INACTIVE, with a reason; the volunteer's open pairings end today, in the same transaction.",
  })
  @Allow(...VOLUNTEER_MANAGERS)
  async deactivateVolunteer(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() context: PeopleContext,
  ): Promise<Volunteer> {
    await managed(context, id);
    const why = reason.trim();
    if (!why || why.length > 200)
      throw new BadUserInputError("reason must be 1 to 200 characters", { field: "reason" });
    return context.volunteerService.step(
      id,
      "deactivate",
      { inactiveReason: why },
      { endPairingsOn: todayInProvince(), endReason: `volunteer deactivated: ${why}` },
    );
  }

  @Mutation(() => Volunteer, {
    description: "Records a new background check (a renewal), whatever the status.",
  })
  @Allow(...VOLUNTEER_MANAGERS)
  async renewBackgroundCheck(
    @Arg("id", () => ID) id: string,
    @Arg("backgroundCheck", () => BackgroundCheckInput) backgroundCheck: BackgroundCheckInput,
    @Ctx() context: PeopleContext,
  ): Promise<Volunteer> {
    const volunteer = await managed(context, id);
    if (volunteer.status === "APPLIED") {
      throw new ConflictError("An applicant's first background check is recorded by vetVolunteer", {
        reason: "NOT_VETTED",
      });
    }
    checkBackgroundCheck(backgroundCheck);
    return context.volunteers.update(id, checkColumns(backgroundCheck));
  }

  @Mutation(() => Volunteer, {
    description: "Changes skills, availability or phone: the volunteer themself, or a manager.",
  })
  @Allow(...VOLUNTEER_VIEWERS)
  async updateVolunteer(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateVolunteerInput) input: UpdateVolunteerInput,
    @Ctx() context: PeopleContext,
  ): Promise<Volunteer> {
    const volunteer = await load(context, id);
    assertMayViewVolunteer(context.principal, volunteer);
    return context.volunteers.update(id, {
      ...(input.skills ? { skills: [...new Set(input.skills)] } : {}),
      ...(input.availableDays ? { availableDays: [...new Set(input.availableDays)] } : {}),
      ...(input.weeklyHours !== undefined && input.weeklyHours !== null
        ? { weeklyHours: input.weeklyHours }
        : {}),
      ...(input.phone ? { phone: input.phone } : {}),
    });
  }

  @Mutation(() => Training, {
    description: "Records a training the volunteer attended, with its certificate.",
  })
  @Allow(...VOLUNTEER_MANAGERS)
  async recordTraining(
    @Arg("volunteerId", () => ID) volunteerId: string,
    @Arg("input", () => TrainingInput) input: TrainingInput,
    @Ctx() context: PeopleContext,
  ): Promise<Training> {
    await managed(context, volunteerId);
    if (input.completedOn > todayInProvince()) {
      throw new BadUserInputError("input.completedOn is in the future", { field: "input.completedOn" });
    }
    if (input.expiresOn && input.expiresOn <= input.completedOn) {
      throw new BadUserInputError("input.expiresOn must be after completedOn", { field: "input.expiresOn" });
    }
    return context.volunteers.addTraining({
      volunteerId,
      topic: input.topic,
      title: input.title.trim(),
      completedOn: input.completedOn,
      certificateNumber: trimmed(input.certificateNumber),
      expiresOn: input.expiresOn ?? null,
    });
  }

  @Mutation(() => ServiceLog, {
    description:
      "Logs minutes of service: a volunteer their own (leave volunteerId out), a manager anyone's in their region. Optionally at a campaigns activity.",
  })
  @Allow(...VOLUNTEER_VIEWERS)
  async logService(
    @Arg("input", () => LogServiceInput) input: LogServiceInput,
    @Ctx() context: PeopleContext,
  ): Promise<ServiceLog> {
    const id = input.volunteerId ?? context.principal.volunteerId;
    if (!id) throw new BadUserInputError("input.volunteerId is required", { field: "input.volunteerId" });
    const volunteer = await load(context, id);
    // A volunteer logs their own service; a manager anyone's in their region.
    if (!isVolunteer(context.principal, id))
      assertManagesVolunteersIn(context.principal, volunteer.regionCode);
    if (volunteer.status === "APPLIED") {
      throw new ConflictError("Service is logged for vetted volunteers only", { reason: "NOT_VETTED" });
    }
    if (input.servedOn > todayInProvince()) {
      throw new BadUserInputError("input.servedOn is in the future", { field: "input.servedOn" });
    }
    return context.volunteers.logService({
      volunteerId: id,
      servedOn: input.servedOn,
      minutes: input.minutes,
      activityId: input.activityId ?? null,
      description: trimmed(input.description),
    });
  }

  @FieldResolver(() => Region, { description: "The county they live and serve in." })
  region(@Root() volunteer: Volunteer): Region {
    return Region.of(volunteer.regionCode);
  }

  @FieldResolver(() => Availability)
  availability(@Root() volunteer: Volunteer): Availability {
    return { days: volunteer.availableDays, weeklyHours: volunteer.weeklyHours };
  }

  @FieldResolver(() => Int, {
    description: "Minutes of service logged here (not counting activity attendance).",
  })
  async loggedMinutes(@Root() volunteer: Volunteer, @Ctx() context: PeopleContext): Promise<number> {
    return (await loggedTotalsLoader(context).load(volunteer.id)).minutes;
  }

  @Directive('@requires(fields: "activityMinutes")')
  @FieldResolver(() => Int, {
    description:
      "All service: the minutes logged here plus the minutes served at activities (activityMinutes, from the campaigns subgraph).",
  })
  async serviceMinutes(@Root() volunteer: Volunteer, @Ctx() context: PeopleContext): Promise<number> {
    const logged = (await loggedTotalsLoader(context).load(volunteer.id)).minutes;
    return logged + (volunteer.activityMinutes ?? 0);
  }

  @FieldResolver(() => String, { nullable: true, description: "Personal: the volunteer's name." })
  @Sensitive(VOLUNTEER_PERSONAL)
  name(@Root() volunteer: Volunteer): string {
    return volunteer.name;
  }

  @FieldResolver(() => String, { nullable: true, description: "Personal: the volunteer's phone." })
  @Sensitive(VOLUNTEER_PERSONAL)
  phone(@Root() volunteer: Volunteer): string | null {
    return volunteer.phone;
  }

  @FieldResolver(() => BackgroundCheck, {
    nullable: true,
    description: "Personal: the background check for working with minors (null inside when none yet).",
  })
  @Sensitive(VOLUNTEER_PERSONAL)
  backgroundCheck(@Root() volunteer: Volunteer): BackgroundCheck | null {
    if (!volunteer.backgroundCheckedOn || !volunteer.backgroundCheckExpiresOn) return null;
    return {
      checkedOn: volunteer.backgroundCheckedOn,
      expiresOn: volunteer.backgroundCheckExpiresOn,
      reference: volunteer.backgroundCheckReference,
      current: checkIsCurrent(volunteer.backgroundCheckExpiresOn, todayInProvince()),
    };
  }

  @ListBound(100)
  @FieldResolver(() => [Training], {
    nullable: true,
    description: "Personal: trainings attended, newest first.",
  })
  @Sensitive(VOLUNTEER_PERSONAL)
  trainings(@Root() volunteer: Volunteer, @Ctx() context: PeopleContext): Promise<Training[]> {
    return trainingsLoader(context).load(volunteer.id);
  }

  @FieldResolver(() => ServiceLogConnection, {
    nullable: true,
    description: "Personal: service logged, newest first.",
  })
  @Sensitive(VOLUNTEER_PERSONAL)
  async serviceLogs(
    @Root() volunteer: Volunteer,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<ServiceLog>> {
    return serviceLogPageLoader(context, pageRequest(args)).load(volunteer.id);
  }

  @FieldResolver(() => PairingConnection, {
    nullable: true,
    description:
      "Personal: the volunteer's pairings with children, newest first; open ones only unless includeEnded.",
  })
  @Sensitive(VOLUNTEER_PERSONAL)
  async pairings(
    @Root() volunteer: Volunteer,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("includeEnded", () => Boolean, { defaultValue: false }) includeEnded: boolean,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<Pairing>> {
    return pairingPageLoader(context, pageRequest(args), includeEnded).load(volunteer.id);
  }

  @FieldResolver(() => PairingEligibility, {
    nullable: true,
    description: "Personal: whether the volunteer may be paired with another child today, and why not.",
  })
  @Sensitive(VOLUNTEER_PERSONAL)
  async pairingEligibility(
    @Root() volunteer: Volunteer,
    @Ctx() context: PeopleContext,
  ): Promise<PairingEligibility> {
    const [trainings, openPairings] = await Promise.all([
      trainingsLoader(context).load(volunteer.id),
      pairingCountLoader(context, false).load(volunteer.id),
    ]);
    const limit = context.maxChildrenPerVolunteer;
    const problems = pairingProblems(
      {
        status: volunteer.status,
        backgroundCheckExpiresOn: volunteer.backgroundCheckExpiresOn,
        trainings,
        openPairings,
      },
      todayInProvince(),
      limit,
    );
    return {
      eligible: problems.length === 0,
      reasons: problems.map((problem) => problem.code),
      placesLeft: Math.max(0, limit - openPairings),
    };
  }
}
