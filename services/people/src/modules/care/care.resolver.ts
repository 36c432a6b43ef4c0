import {
  BadUserInputError,
  ForbiddenError,
  hasRole,
  NotFoundError,
  type Principal,
  Role,
} from "@lamplight/platform";
import { isoDay, todayInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  PageArgs,
  pageRequest,
  Sensitive,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { mayViewPairing } from "../pairing/pairing.policy.js";
import { Pairing } from "../pairing/pairing.type.js";
import { studentLoader } from "../student/student.loader.js";
import { mayViewChild, mayViewStudent, STUDENT_VIEWERS } from "../student/student.policy.js";
import { Student } from "../student/student.type.js";
import { volunteerLoader } from "../volunteer/volunteer.loader.js";
import { Volunteer } from "../volunteer/volunteer.type.js";
import { RecordCareInput } from "./care.inputs.js";
import { careRecordPageLoader, checkInPageLoader } from "./care.loader.js";
import { CareRecord } from "./care.type.js";

export const CareRecordConnection = Connection(CareRecord);

/** Whose care records of a child the caller reads: all for staff, their own for a paired volunteer. */
function authorFilter(principal: Principal, student: Student): string | null {
  if (mayViewStudent(principal, student)) return null;
  return principal.volunteerId;
}

@Resolver(() => CareRecord)
export class CareRecordResolver {
  @Mutation(() => CareRecord, {
    description:
      "Records a visit, family call, check-up or counselling session. Staff record for children in their scope; a volunteer only for a child they are paired with, and the record is that pairing's check-in.",
  })
  @Allow(...STUDENT_VIEWERS)
  async recordCare(
    @Arg("input", () => RecordCareInput) input: RecordCareInput,
    @Ctx() context: PeopleContext,
  ): Promise<CareRecord> {
    const { principal } = context;
    const student = await studentLoader(context).load(input.studentId);
    if (!student) throw new NotFoundError("Student", input.studentId);
    if (input.happenedOn > todayInProvince()) {
      throw new BadUserInputError("input.happenedOn is in the future", { field: "input.happenedOn" });
    }
    const staff = mayViewStudent(principal, student);
    let pairing: Pairing | null = null;
    if (hasRole(principal, Role.VOLUNTEER) && principal.volunteerId) {
      const open = await context.pairings.openPairing(principal.volunteerId, student.id);
      if (open) pairing = open;
    }
    if (!staff && !pairing)
      throw new ForbiddenError(
        "You are not paired with this child, and the child is outside your region and homes",
      );
    if (pairing && input.happenedOn < pairing.startedOn) {
      throw new BadUserInputError(
        `input.happenedOn is before the pairing started (${isoDay(pairing.startedOn)})`,
        { field: "input.happenedOn" },
      );
    }
    return context.care.record(
      {
        studentId: student.id,
        kind: input.kind,
        happenedOn: input.happenedOn,
        durationMinutes: input.durationMinutes ?? null,
        notes: input.notes.trim(),
        volunteerId: pairing ? principal.volunteerId : null,
        recordedBy: principal.subject,
      },
      pairing,
    );
  }

  @FieldResolver(() => Volunteer, {
    nullable: true,
    description: "The volunteer who gave the care; null for staff.",
  })
  volunteer(@Root() record: CareRecord, @Ctx() context: PeopleContext): Promise<Volunteer | null> | null {
    return record.volunteerId ? volunteerLoader(context).load(record.volunteerId) : null;
  }
}

@Resolver(() => Student)
export class StudentCareResolver {
  @FieldResolver(() => CareRecordConnection, {
    nullable: true,
    description:
      "Personal (care notes): visits, family calls, check-ups and counselling, newest first. Staff see all; a paired volunteer sees the records they wrote.",
  })
  @Sensitive({
    allow: (_principal: Principal, student: Student, context: PeopleContext) =>
      mayViewChild(context, student),
  })
  async careRecords(
    @Root() student: Student,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<CareRecord>> {
    const author = authorFilter(context.principal, student);
    return careRecordPageLoader(context, pageRequest(args), author).load(student.id);
  }
}

@Resolver(() => Pairing)
export class PairingCheckInResolver {
  @FieldResolver(() => CareRecordConnection, {
    nullable: true,
    description: "Personal (care notes): the volunteer's check-ins with the child, newest first.",
  })
  @Sensitive({
    allow: (_principal: Principal, pairing: Pairing, context: PeopleContext) =>
      mayViewPairing(context, pairing),
  })
  async checkIns(
    @Root() pairing: Pairing,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<CareRecord>> {
    return checkInPageLoader(context, pageRequest(args)).load(pairing.id);
  }
}
