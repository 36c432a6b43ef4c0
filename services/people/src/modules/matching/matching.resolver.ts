import { BadUserInputError, ForbiddenError, managesSite, NotFoundError } from "@lamplight/platform";
import { cityOf, todayInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  isUuid,
  PageArgs,
  pageOfList,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { needsLoader } from "../need/need.loader.js";
import { studentLoader } from "../student/student.loader.js";
import { assertMayViewStudent, STUDENT_STAFF, studentScopeOf } from "../student/student.policy.js";
import type { Student } from "../student/student.type.js";
import { type MatchTarget, SKILLS_FOR_NEED, scoreVolunteer, targetNeeds } from "./matching.score.js";
import { VolunteerSuggestion } from "./matching.type.js";

export const VolunteerSuggestionConnection = Connection(VolunteerSuggestion);

const SUGGESTION_ORDER = [
  { field: "score", direction: "desc" },
  { field: "id", direction: "asc" },
] as const;

/** The most common county among the children: where a home's children live. */
function mostCommon(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

@Resolver(() => VolunteerSuggestion)
export class MatchingResolver {
  @Query(() => VolunteerSuggestionConnection, {
    description:
      "Volunteers who could be paired today (active, vetted, trained, with a place left) in the city of a child (studentId) or of a home's children (siteId), ranked by need and skill, region and availability, each with its reasons. Give exactly one of studentId and siteId.",
  })
  @Allow(...STUDENT_STAFF)
  async suggestVolunteers(
    @Arg("studentId", () => ID, { nullable: true }) studentId: string | null,
    @Arg("siteId", () => ID, { nullable: true }) siteId: string | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<VolunteerSuggestion>> {
    const page = pageRequest(args);
    if ((studentId ? 1 : 0) + (siteId ? 1 : 0) !== 1) {
      throw new BadUserInputError("Give exactly one of studentId and siteId", {
        field: studentId ? "siteId" : "studentId",
      });
    }
    let children: Student[];
    if (studentId) {
      const student = await studentLoader(context).load(studentId);
      if (!student) throw new NotFoundError("Student", studentId);
      assertMayViewStudent(context.principal, student);
      children = [student];
    } else {
      if (!isUuid(siteId!)) throw new BadUserInputError("siteId must be a site id", { field: "siteId" });
      const scope = await studentScopeOf(context);
      const page100 = await context.students.list(scope, { siteId }, { first: 100, after: null });
      children = page100.edges.map((edge) => edge.node);
      if (children.length === 0) {
        if (!managesSite(context.principal, siteId!))
          throw new ForbiddenError("You may see no child of this home");
        throw new BadUserInputError("This home has no children to match", { field: "siteId" });
      }
    }
    const needs = await Promise.all(children.map((child) => needsLoader(context).load(child.id)));
    const regionCode = mostCommon(children.map((child) => child.regionCode));
    const target: MatchTarget = {
      regionCode,
      cityCode: cityOf(regionCode)!.code,
      needs: targetNeeds(needs),
    };
    const limit = context.maxChildrenPerVolunteer;
    const exclude = await context.matching.pairedWith(children.map((child) => child.id));
    const skills = [...new Set(target.needs.flatMap((need) => SKILLS_FOR_NEED[need.category]))];
    const candidates = await context.matching.eligibleInCity(
      target.cityCode,
      target.regionCode,
      skills,
      todayInProvince(),
      limit,
      exclude,
    );
    const ranked: VolunteerSuggestion[] = candidates
      .map((volunteer) => {
        const { score, reasons } = scoreVolunteer(
          { ...volunteer, placesLeft: limit - volunteer.openPairings },
          target,
        );
        return { id: volunteer.id, volunteer, score, reasons };
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return pageOfList(ranked, page, SUGGESTION_ORDER);
  }
}
