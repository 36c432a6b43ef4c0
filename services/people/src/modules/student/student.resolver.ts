import { BadUserInputError, type Principal } from "@lamplight/platform";
import { todayInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  DateScalar,
  ListBound,
  PageArgs,
  pageRequest,
  Sensitive,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { needsLoader } from "../need/need.loader.js";
import { Need } from "../need/need.type.js";
import { Region } from "../region/region.type.js";
import { Site } from "../site/site.type.js";
import { CreateStudentInput, StudentFilter } from "./student.inputs.js";
import { studentLoader } from "./student.loader.js";
import {
  assertHomeTakesChild,
  assertMayRegisterStudent,
  assertMayViewStudent,
  mayViewChild,
  mayViewStudent,
  pairedStudentIds,
  STUDENT_REGISTRARS,
  STUDENT_VIEWERS,
  studentScopeOf,
} from "./student.policy.js";
import type { StudentRegistration } from "./student.repository.js";
import { requireCounty } from "./student.scope.js";
import { Gender, GuardianRelationship, Student, StudentConsent } from "./student.type.js";

export const StudentConnection = Connection(Student);

/**
 * Personal data a paired volunteer needs for one-to-one support, and staff see: who the child is,
 * where they go to school and to a home, who looks after them, what they need. Audited.
 */
const PERSONAL = {
  allow: (_principal: Principal, student: Student, context: PeopleContext) => mayViewChild(context, student),
};

/**
 * Contacts of the family (phones, where a parent works and for whom): staff only, never a
 * volunteer (docs/decisions/0016). Audited.
 */
const CONTACT = {
  allow: (principal: Principal, student: Student) => mayViewStudent(principal, student),
};

/** A left-behind student is a minor. */
const ADULT_AGE = 18;

function ageOn(day: Date, birthDate: Date): number {
  const years = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const birthdayPassed =
    day.getUTCMonth() > birthDate.getUTCMonth() ||
    (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() >= birthDate.getUTCDate());
  return birthdayPassed ? years : years - 1;
}

/** The checks class-validator cannot make: dates against today and against each other. */
function checkDates(input: CreateStudentInput): void {
  const now = todayInProvince();
  if (input.birthDate > now) {
    throw new BadUserInputError("input.birthDate is in the future", { field: "input.birthDate" });
  }
  if (ageOn(now, input.birthDate) >= ADULT_AGE) {
    throw new BadUserInputError(`input.birthDate: a child in the programme is under ${ADULT_AGE}`, {
      field: "input.birthDate",
    });
  }
  input.needs.forEach((need, index) => {
    const field = `input.needs[${index}].assessedOn`;
    if (need.assessedOn > now) throw new BadUserInputError(`${field} is in the future`, { field });
    if (need.assessedOn < input.birthDate) {
      throw new BadUserInputError(`${field} is before the child's birth`, { field });
    }
  });
}

const trimmed = (text: string | null | undefined): string | null => {
  const value = text?.trim();
  return value ? value : null;
};

function registration(input: CreateStudentInput): StudentRegistration {
  return {
    name: input.name.trim(),
    gender: input.gender,
    birthDate: input.birthDate,
    ...requireCounty(input.regionCode, "input.regionCode"),
    siteId: input.siteId ?? null,
    school: trimmed(input.school),
    grade: input.grade,
    guardianName: input.guardianName.trim(),
    guardianRelationship: input.guardianRelationship,
    guardianPhone: input.guardianPhone ?? null,
    parentWorkCity: trimmed(input.parentWorkCity),
    parentEmployer: trimmed(input.parentEmployer),
    parentPhone: input.parentPhone ?? null,
    consentSharePartners: input.consent?.sharePartners ?? false,
    consentPhotos: input.consent?.photos ?? false,
    consentStatistics: input.consent?.statistics ?? false,
    needs: input.needs.map((need) => ({
      category: need.category,
      level: need.level,
      assessedOn: need.assessedOn,
    })),
  };
}

@Resolver(() => Student)
export class StudentResolver {
  @Query(() => Student, {
    nullable: true,
    description:
      "One child by id; null when there is none. FORBIDDEN for a child outside your region and your homes.",
  })
  @Allow(...STUDENT_VIEWERS)
  async student(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<Student | null> {
    const student = await studentLoader(context).load(id);
    if (!student) return null;
    assertMayViewStudent(context.principal, student, await pairedStudentIds(context));
    return student;
  }

  @Query(() => StudentConnection, {
    description:
      "The children you may see (your region, your homes, or, for a volunteer, the children you are paired with now), by name, a page at a time.",
  })
  @Allow(...STUDENT_VIEWERS)
  async students(
    @Arg("filter", () => StudentFilter, { nullable: true }) filter: StudentFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<Student>> {
    return context.students.list(await studentScopeOf(context), filter, pageRequest(page));
  }

  @Mutation(() => Student, {
    description:
      "Registers a child with their needs, in one transaction. The region must be a county. A child with the same name, birth date and county is refused with CONFLICT (extensions.duplicates lists their ids) unless confirmDuplicate is true.",
  })
  @Allow(...STUDENT_REGISTRARS)
  async createStudent(
    @Arg("input", () => CreateStudentInput) input: CreateStudentInput,
    @Arg("confirmDuplicate", () => Boolean, {
      defaultValue: false,
      description: "Register even though a child with the same name, birth date and county exists.",
    })
    confirmDuplicate: boolean,
    @Ctx() context: PeopleContext,
  ): Promise<Student> {
    const data = registration(input);
    // The home is checked against what sites said of it, and scoped by its own county, never by
    // what the caller says of it.
    const home = data.siteId ? await context.knownSites.require(data.siteId, "input.siteId") : null;
    assertMayRegisterStudent(context.principal, home?.countyCode ?? data.regionCode, data.siteId ?? null);
    if (home) assertHomeTakesChild(home, data.regionCode);
    checkDates(input);
    return context.studentService.register(data, { confirmDuplicate });
  }

  @FieldResolver(() => Region, { description: "The county-level region the child lives in." })
  region(@Root() student: Student): Region {
    return Region.of(student.regionCode);
  }

  @FieldResolver(() => StudentConsent)
  consent(@Root() student: Student): StudentConsent {
    return {
      sharePartners: student.consentSharePartners,
      photos: student.consentPhotos,
      statistics: student.consentStatistics,
    };
  }

  // Personal data. Each field is null with a REDACTED error unless the caller may see this child,
  // and each read is written to the audit log (subgraph-kit's @Sensitive).

  @FieldResolver(() => String, { nullable: true, description: "Personal: the child's name." })
  @Sensitive(PERSONAL)
  name(@Root() student: Student): string {
    return student.name;
  }

  @FieldResolver(() => Gender, { nullable: true, description: "Personal: the child's gender." })
  @Sensitive(PERSONAL)
  gender(@Root() student: Student): Gender {
    return student.gender;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "Personal: the child's date of birth." })
  @Sensitive(PERSONAL)
  birthDate(@Root() student: Student): Date {
    return student.birthDate;
  }

  @FieldResolver(() => String, { nullable: true, description: "Personal: the school the child attends." })
  @Sensitive(PERSONAL)
  school(@Root() student: Student): string | null {
    return student.school;
  }

  @FieldResolver(() => Site, {
    nullable: true,
    description: "Personal (it places the child in a village): the home the child attends.",
  })
  @Sensitive(PERSONAL)
  site(@Root() student: Student): Site | null {
    return student.siteId ? Site.of(student.siteId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Personal: the name of the guardian the child lives with.",
  })
  @Sensitive(PERSONAL)
  guardianName(@Root() student: Student): string {
    return student.guardianName;
  }

  @FieldResolver(() => GuardianRelationship, {
    nullable: true,
    description: "Personal: how the guardian is related to the child.",
  })
  @Sensitive(PERSONAL)
  guardianRelationship(@Root() student: Student): GuardianRelationship {
    return student.guardianRelationship;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Family contact (staff only): the guardian's phone.",
  })
  @Sensitive(CONTACT)
  guardianPhone(@Root() student: Student): string | null {
    return student.guardianPhone;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Family contact (staff only): the city a migrant parent works in.",
  })
  @Sensitive(CONTACT)
  parentWorkCity(@Root() student: Student): string | null {
    return student.parentWorkCity;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Family contact (staff only): a migrant parent's employer.",
  })
  @Sensitive(CONTACT)
  parentEmployer(@Root() student: Student): string | null {
    return student.parentEmployer;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Family contact (staff only): a migrant parent's phone.",
  })
  @Sensitive(CONTACT)
  parentPhone(@Root() student: Student): string | null {
    return student.parentPhone;
  }

  @ListBound(50)
  @FieldResolver(() => [Need], {
    nullable: true,
    description:
      "Personal (care data): the child's assessed needs, newest first. Batched: one query per page.",
  })
  @Sensitive(PERSONAL)
  needs(@Root() student: Student, @Ctx() context: PeopleContext): Promise<Need[]> {
    return needsLoader(context).load(student.id);
  }
}
