import { byKeys } from "@lamplight/subgraph-kit";
import type { CampaignsContext } from "../../context.js";
import type { ProjectTotals } from "./project.repository.js";
import type { Project, ProjectMilestone } from "./project.type.js";

/** The request's Project-by-id loader: every id asked for in one tick becomes one SQL query. */
export function projectLoader(context: CampaignsContext) {
  return context.loaders.get<string, Project | null>("project.byId", async (ids) =>
    byKeys(ids, await context.projects.findByIds(ids), (project) => project.id),
  );
}

export function projectByCodeLoader(context: CampaignsContext) {
  return context.loaders.get<string, Project | null>("project.byCode", async (codes) =>
    byKeys(codes, await context.projects.findByCodes(codes), (project) => project.code),
  );
}

/** Every milestone of every project in the batch: one query. */
export function milestonesLoader(context: CampaignsContext) {
  return context.loaders.get<string, ProjectMilestone[]>("project.milestones", async (ids) => {
    const rows = await context.projects.milestonesOf(ids);
    return ids.map((id) => rows.filter((row) => row.projectId === id));
  });
}

/** The results of every project in the batch: one aggregate query. */
export function projectTotalsLoader(context: CampaignsContext) {
  return context.loaders.get<string, ProjectTotals>("project.totals", async (ids) => {
    const totals = await context.projects.totals(ids, new Date());
    return ids.map((id) => totals.get(id)!);
  });
}
