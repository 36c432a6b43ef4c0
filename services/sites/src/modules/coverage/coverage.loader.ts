import type { SitesContext } from "../../context.js";
import type { CoverageGroup } from "./coverage.repository.js";

/** The coverage groups, read once per request however many regions ask. */
export function coverageGroupsLoader(context: SitesContext) {
  return context.loaders.get<"all", CoverageGroup[]>("coverage.groups", async (keys) => {
    const groups = await context.coverage.groups();
    return keys.map(() => groups);
  });
}
