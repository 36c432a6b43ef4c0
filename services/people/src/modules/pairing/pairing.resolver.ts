import { BadUserInputError, ForbiddenError, NotFoundError, type Principal } from "@lamplight/platform";
import { daysBetween, todayInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  ListBound,
  PageArgs,
  pageRequest,
  Sensitive,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { studentLoader } from "../student/student.loader.js";
import {
  assertMayViewStudent,
  mayViewChild,
  mayViewStudent,
  STUDENT_STAFF,
  studentScopeOf,
} from "../student/student.policy.js";
import { Student } from "../student/student.type.js";
import { volunteerLoader } from "../volunteer/volunteer.loader.js";
import { isVolunteer } from "../volunteer/volunteer.policy.js";
import { Volunteer } from "../volunteer/volunteer.type.js";
import { EndPairingInput, OverduePairingFilter, PairVolunteerInput } from "./pairing.inputs.js";
import { openPairingsOfStudentLoader, pairingLoader } from "./pairing.loader.js";
import { mayViewPairing } from "./pairing.policy.js";
import { Pairing } from "./pairing.type.js";

export const PairingConnection = Connection(Pairing);

const PAIRING_PERSONAL = {
  allow: (_principal: Principal, pairing: Pairing, context: PeopleContext) =>
    mayViewPairing(context, pairing),
};

/** The child of a pairing, checked against the caller's scope: staff who may see the child. */
async function childInScope(context: PeopleContext, studentId: string): Promise<Student> {
  const student = await studentLoader(context).load(studentId);
  if (!student) throw new NotFoundError("Student", studentId);
  assertMayViewStudent(context.principal, student);
  return student;
}

@Resolver(() => Pairing)
export class PairingResolver {
  @Query(() => Pairing, {
    nullable: true,
    description:
      "One pairing; null when there is none. FORBIDDEN unless you are its volunteer or may see the child.",
  })
  @Allow(...STUDENT_STAFF, "VOLUNTEER")
  async pairing(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<Pairing | null> {
    const pairing = await pairingLoader(context).load(id);
    if (!pairing) return null;
    if (!(await mayViewPairing(context, pairing)))
      throw new ForbiddenError("This pairing is outside your scope");
    return pairing;
  }

  @Query(() => PairingConnection, {
    description:
      "Open pairings whose next check-in was due before today, most overdue first, for the children you may see.",
  })
  @Allow(...STUDENT_STAFF)
  async overduePairings(
    @Arg("filter", () => OverduePairingFilter, { nullable: true }) filter: OverduePairingFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<Pairing>> {
    return context.pairings.overdue(
      await studentScopeOf(context),
      filter?.region,
      todayInProvince(),
      pageRequest(page),
    );
  }

  @Mutation(() => Pairing, {
    description:
      "Pairs a volunteer with a child for one-to-one support. Only an active volunteer with a current background check and child-protection training, with fewer open pairings than the limit, may be paired: otherwise CONFLICT with extensions.reason.",
  })
  @Allow(...STUDENT_STAFF)
  async pairVolunteer(
    @Arg("input", () => PairVolunteerInput) input: PairVolunteerInput,
    @Ctx() context: PeopleContext,
  ): Promise<Pairing> {
    await childInScope(context, input.studentId);
    const startedOn = input.startedOn ?? todayInProvince();
    if (startedOn > todayInProvince()) {
      throw new BadUserInputError("input.startedOn is in the future", { field: "input.startedOn" });
    }
    return context.pairingService.create(
      {
        volunteerId: input.volunteerId,
        studentId: input.studentId,
        reason: input.reason.trim(),
        startedOn,
        checkInEveryDays: input.checkInEveryDays,
      },
      { limit: context.maxChildrenPerVolunteer, today: todayInProvince() },
    );
  }

  @Mutation(() => Pairing, {
    description: "Ends a pairing, with a reason. An ended pairing stays as it was (CONFLICT).",
  })
  @Allow(...STUDENT_STAFF)
  async endPairing(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => EndPairingInput) input: EndPairingInput,
    @Ctx() context: PeopleContext,
  ): Promise<Pairing> {
    const pairing = await pairingLoader(context).load(id);
    if (!pairing) throw new NotFoundError("Pairing", id);
    await childInScope(context, pairing.studentId);
    const endedOn = input.endedOn ?? todayInProvince();
    if (endedOn > todayInProvince())
      throw new BadUserInputError("input.endedOn is in the future", { field: "input.endedOn" });
    if (endedOn < pairing.startedOn) {
      throw new BadUserInputError("input.endedOn is before the pairing started", { field: "input.endedOn" });
    }
    return context.pairingService.end(id, endedOn, input.reason.trim());
  }

  @FieldResolver(() => Volunteer)
  async volunteer(@Root() pairing: Pairing, @Ctx() context: PeopleContext): Promise<Volunteer> {
    return (await volunteerLoader(context).load(pairing.volunteerId))!;
  }

  @FieldResolver(() => Student, { description: "The child; their personal fields follow their own rules." })
  async student(@Root() pairing: Pairing, @Ctx() context: PeopleContext): Promise<Student> {
    return (await studentLoader(context).load(pairing.studentId))!;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Personal: why the child needs this volunteer.",
  })
  @Sensitive(PAIRING_PERSONAL)
  reason(@Root() pairing: Pairing): string {
    return pairing.reason;
  }

  @FieldResolver(() => Boolean, { description: "Open, and the next check-in was due before today." })
  overdue(@Root() pairing: Pairing): boolean {
    return pairing.endedOn === null && pairing.nextCheckInDue < todayInProvince();
  }

  @FieldResolver(() => Int, { description: "Days since the next check-in was due; 0 when not overdue." })
  daysOverdue(@Root() pairing: Pairing): number {
    if (pairing.endedOn !== null) return 0;
    return Math.max(0, daysBetween(pairing.nextCheckInDue, todayInProvince()));
  }
}

/** A child's current volunteers. */
@Resolver(() => Student)
export class StudentPairingResolver {
  @ListBound(50)
  @FieldResolver(() => [Pairing], {
    nullable: true,
    description:
      "Personal: the child's open pairings with volunteers (a paired volunteer sees only their own).",
  })
  @Sensitive({
    allow: (_principal: Principal, student: Student, context: PeopleContext) =>
      mayViewChild(context, student),
  })
  async pairings(@Root() student: Student, @Ctx() context: PeopleContext): Promise<Pairing[]> {
    const pairings = await openPairingsOfStudentLoader(context).load(student.id);
    if (mayViewStudent(context.principal, student)) return pairings;
    return pairings.filter((pairing) => isVolunteer(context.principal, pairing.volunteerId));
  }
}
