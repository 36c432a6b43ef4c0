import type { PageRequest } from "@lamplight/subgraph-kit";
import { type ConnectionResult } from "@lamplight/subgraph-kit";
import type { SitesContext } from "../../context.js";
import type { Assessment, AssessmentCriterion, AssessmentScore } from "./assessment.type.js";

export function criteriaLoader(context: SitesContext) {
  return context.loaders.get<"all", AssessmentCriterion[]>("assessment.criteria", async (keys) => {
    const criteria = await context.assessments.criteria();
    return keys.map(() => criteria);
  });
}

export function assessmentPageLoader(context: SitesContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<Assessment>>(
    `assessment.page:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.assessments.pages(ids, page, (id) =>
        assessmentCountLoader(context).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function assessmentCountLoader(context: SitesContext) {
  return context.loaders.get<string, number>("assessment.count", async (ids) => {
    const counts = await context.assessments.counts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export function assessmentScoresLoader(context: SitesContext) {
  return context.loaders.get<string, AssessmentScore[]>("assessment.scores", async (ids) => {
    const scores = await context.assessments.scoresOf(ids);
    return ids.map((id) => scores.filter((score) => score.assessmentId === id));
  });
}

export function excellentYearsLoader(context: SitesContext) {
  return context.loaders.get<string, number[]>("assessment.excellentYears", async (ids) => {
    const rows = await context.assessments.excellentYears(ids);
    return ids.map((id) => rows.filter((row) => row.siteId === id).map((row) => row.year));
  });
}
