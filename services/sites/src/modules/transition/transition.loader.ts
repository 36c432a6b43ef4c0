import { type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { SitesContext } from "../../context.js";
import type { SiteTransition } from "./transition.type.js";

/** The history pages of every site asked for in one tick, with the same page arguments: one query. */
export function historyPageLoader(context: SitesContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<SiteTransition>>(
    `transition.page:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.transitions.pages(ids, page, (id) => historyCountLoader(context).load(id));
      return ids.map((id) => pages.get(id)!);
    },
  );
}

/** How many history entries each site has: one grouped query per batch. */
export function historyCountLoader(context: SitesContext) {
  return context.loaders.get<string, number>("transition.count", async (ids) => {
    const counts = await context.transitions.counts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
