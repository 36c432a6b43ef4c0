import { byKeys, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import type { ServiceLog, Training, Volunteer } from "./volunteer.type.js";

/** The request's Volunteer-by-id loader: every id asked for in one tick becomes one SQL query. */
export function volunteerLoader(context: PeopleContext) {
  return context.loaders.get<string, Volunteer | null>("volunteer.byId", async (ids) =>
    byKeys(ids, await context.volunteers.findByIds(ids), (volunteer) => volunteer.id),
  );
}

/** The trainings of every volunteer on a page, in one query. */
export function trainingsLoader(context: PeopleContext) {
  return context.loaders.get<string, Training[]>("volunteer.trainings", async (ids) => {
    const byVolunteer = new Map<string, Training[]>(ids.map((id) => [id, []]));
    for (const training of await context.volunteers.trainingsOf(ids))
      byVolunteer.get(training.volunteerId)?.push(training);
    return ids.map((id) => byVolunteer.get(id) ?? []);
  });
}

/** Logged minutes and log counts of every volunteer on a page, in one query. */
export function loggedTotalsLoader(context: PeopleContext) {
  return context.loaders.get<string, { minutes: number; logs: number }>(
    "volunteer.loggedTotals",
    async (ids) => {
      const totals = await context.volunteers.loggedTotals(ids);
      return ids.map((id) => totals.get(id) ?? { minutes: 0, logs: 0 });
    },
  );
}

/** A page of service logs per volunteer, for every volunteer of the batch in one query. */
export function serviceLogPageLoader(context: PeopleContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<ServiceLog>>(
    `volunteer.serviceLogs:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.volunteers.serviceLogPages(
        ids,
        page,
        async (id) => (await loggedTotalsLoader(context).load(id)).logs,
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}
