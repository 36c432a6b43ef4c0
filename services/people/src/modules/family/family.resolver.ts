import { NotFoundError, type Principal } from "@lamplight/platform";
import { Allow, ListBound, Sensitive } from "@lamplight/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { studentLoader } from "../student/student.loader.js";
import {
  assertMayViewStudent,
  mayViewChild,
  mayViewStudent,
  STUDENT_STAFF,
} from "../student/student.policy.js";
import { Student } from "../student/student.type.js";
import { GuardianInput, MigrantParentInput, UpdateConsentInput } from "./family.inputs.js";
import { guardiansLoader, migrantParentsLoader } from "./family.loader.js";
import { Guardian, MigrantParent } from "./family.type.js";

const trimmed = (text: string | null | undefined): string | null => text?.trim() || null;

/** A child the caller (staff) may see and change, or NOT_FOUND / FORBIDDEN. */
async function childInScope(context: PeopleContext, studentId: string): Promise<Student> {
  const student = await studentLoader(context).load(studentId);
  if (!student) throw new NotFoundError("Student", studentId);
  assertMayViewStudent(context.principal, student);
  return student;
}

/** Guardians, migrant parents and consent: the child's family, kept by staff. */
@Resolver(() => Student)
export class FamilyResolver {
  @Mutation(() => Guardian, {
    description: "Adds a guardian the child lives with (staff in the child's scope).",
  })
  @Allow(...STUDENT_STAFF)
  async addGuardian(
    @Arg("studentId", () => ID) studentId: string,
    @Arg("input", () => GuardianInput) input: GuardianInput,
    @Ctx() context: PeopleContext,
  ): Promise<Guardian> {
    await childInScope(context, studentId);
    return context.family.addGuardian({
      studentId,
      name: input.name.trim(),
      relationship: input.relationship,
      phone: input.phone ?? null,
      livesWithChild: input.livesWithChild,
    });
  }

  @Mutation(() => MigrantParent, {
    description: "Records a parent working away (staff in the child's scope).",
  })
  @Allow(...STUDENT_STAFF)
  async addMigrantParent(
    @Arg("studentId", () => ID) studentId: string,
    @Arg("input", () => MigrantParentInput) input: MigrantParentInput,
    @Ctx() context: PeopleContext,
  ): Promise<MigrantParent> {
    await childInScope(context, studentId);
    return context.family.addMigrantParent({
      studentId,
      name: input.name.trim(),
      role: input.role,
      workCity: input.workCity.trim(),
      employer: trimmed(input.employer),
      phone: input.phone ?? null,
    });
  }

  @Mutation(() => Student, {
    description:
      "Records the guardian's consent as it stands now. Without statistics consent, the child is left out of the figures shown to the public and partners.",
  })
  @Allow(...STUDENT_STAFF)
  async updateConsent(
    @Arg("studentId", () => ID) studentId: string,
    @Arg("input", () => UpdateConsentInput) input: UpdateConsentInput,
    @Ctx() context: PeopleContext,
  ): Promise<Student> {
    await childInScope(context, studentId);
    return context.family.updateConsent(studentId, input);
  }

  @ListBound(20)
  @FieldResolver(() => [Guardian], {
    nullable: true,
    description: "Personal: the guardians the child lives with, the main one first.",
  })
  @Sensitive({
    allow: (_principal: Principal, student: Student, context: PeopleContext) =>
      mayViewChild(context, student),
  })
  guardians(@Root() student: Student, @Ctx() context: PeopleContext): Promise<Guardian[]> {
    return guardiansLoader(context).load(student.id);
  }

  @ListBound(20)
  @FieldResolver(() => [MigrantParent], {
    nullable: true,
    description: "Family contact (staff only): the parents working away, where and for whom.",
  })
  @Sensitive({ allow: (principal: Principal, student: Student) => mayViewStudent(principal, student) })
  migrantParents(@Root() student: Student, @Ctx() context: PeopleContext): Promise<MigrantParent[]> {
    return migrantParentsLoader(context).load(student.id);
  }
}

/** A guardian's phone is a family contact: staff who may see the child only. */
@Resolver(() => Guardian)
export class GuardianResolver {
  @FieldResolver(() => String, { nullable: true, description: "Family contact (staff only)." })
  @Sensitive({
    allow: async (principal: Principal, guardian: Guardian, context: PeopleContext) => {
      const student = await studentLoader(context).load(guardian.studentId);
      return student !== null && mayViewStudent(principal, student);
    },
  })
  phone(@Root() guardian: Guardian): string | null {
    return guardian.phone;
  }
}
