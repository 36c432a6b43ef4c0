import { aggregateLoader, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import { studentScopeOf } from "../student/student.policy.js";
import type { SiteCount } from "../student/student.repository.js";
import type { Student } from "../student/student.type.js";

/** How many children attend each home, and where they live (the resolver decides what the caller sees of it). */
export function childrenCountLoader(context: PeopleContext) {
  return aggregateLoader<string, SiteCount>(context, "site.childrenCount", async (siteIds) => {
    const counts = await context.students.countBySiteWithConsent(siteIds);
    return siteIds.map((id) => counts.get(id) ?? { all: 0, consenting: 0, regionCodes: [] });
  });
}

/**
 * One page of the children the caller may see, per home, for every home in the batch at once. The
 * page arguments are part of the loader's name: a query that asks for different pages under
 * different aliases gets one batch per page shape, never a wrong page.
 */
export function studentPageLoader(context: PeopleContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<Student>>(
    `site.students:${page.first}:${page.after ?? ""}`,
    async (siteIds) => {
      const pages = await context.students.pagesBySite(siteIds, await studentScopeOf(context), page, (id) =>
        visibleStudentCountLoader(context).load(id),
      );
      return siteIds.map((id) => pages.get(id)!);
    },
  );
}

/** How many of each home's children the caller may see: the totalCount of Site.students. */
export function visibleStudentCountLoader(context: PeopleContext) {
  return context.loaders.get<string, number>("site.visibleStudentCount", async (siteIds) => {
    const counts = await context.students.countBySite(siteIds, await studentScopeOf(context));
    return siteIds.map((id) => counts.get(id) ?? 0);
  });
}
