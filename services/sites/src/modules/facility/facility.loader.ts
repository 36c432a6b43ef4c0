import type { SitesContext } from "../../context.js";

/** The ordered home ids of each library's route: one query per batch. */
export function routeLoader(context: SitesContext) {
  return context.loaders.get<string, string[]>("facility.route", async (ids) => {
    const stops = await context.facilities.stops(ids);
    return ids.map((id) => stops.filter((stop) => stop.librarySiteId === id).map((stop) => stop.homeSiteId));
  });
}
