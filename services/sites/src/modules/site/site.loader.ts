import { byKeys } from "@lamplight/subgraph-kit";
import type { SitesContext } from "../../context.js";
import type { Site } from "./site.type.js";

/** The request's Site-by-id loader: every id asked for in one tick becomes one SQL query. */
export function siteLoader(context: SitesContext) {
  return context.loaders.get<string, Site | null>("site.byId", async (ids) =>
    byKeys(ids, await context.sites.findByIds(ids), (site) => site.id),
  );
}
