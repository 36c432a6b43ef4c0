import { byKeys, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { CampaignsContext } from "../../context.js";
import type { Activity } from "../activity/activity.type.js";
import type { PlaceCounts } from "./registration.repository.js";
import type { Registration } from "./registration.type.js";

const pageKey = (page: PageRequest) => `${page.first}:${page.after ?? ""}`;

export function registrationLoader(context: CampaignsContext) {
  return context.loaders.get<string, Registration | null>("registration.byId", async (ids) =>
    byKeys(ids, await context.registrations.findByIds(ids), (registration) => registration.id),
  );
}

/** Places taken at every occurrence of the batch: one grouped query. */
export function placesLoader(context: CampaignsContext) {
  return context.loaders.get<string, PlaceCounts>("occurrence.places", async (ids) => {
    const counts = await context.registrations.placeCounts(ids);
    return ids.map(
      (id) =>
        counts.get(id) ?? {
          childrenConfirmed: 0,
          childrenWaiting: 0,
          volunteersConfirmed: 0,
          volunteersWaiting: 0,
        },
    );
  });
}

/** One page of confirmed volunteers per occurrence, for every occurrence of the batch: one query. */
export function volunteerPageLoader(context: CampaignsContext, page: PageRequest, attendedOnly: boolean) {
  return context.loaders.get<string, ConnectionResult<Registration>>(
    `occurrence.volunteers:${attendedOnly}:${pageKey(page)}`,
    async (ids) => {
      const pages = await context.registrations.volunteerPages(ids, page, attendedOnly, async (id) =>
        attendedOnly
          ? attendedVolunteerCountLoader(context).load(id)
          : (await placesLoader(context).load(id)).volunteersConfirmed,
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

/** How many volunteers came to each occurrence of the batch: one grouped query. */
export function attendedVolunteerCountLoader(context: CampaignsContext) {
  return context.loaders.get<string, number>("occurrence.attendedVolunteers", async (ids) => {
    const counts = await context.registrations.attendedVolunteerCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** Minutes each volunteer of the batch served: one grouped query. */
export function activityMinutesLoader(context: CampaignsContext) {
  return context.loaders.get<string, number>("volunteer.activityMinutes", async (ids) => {
    const minutes = await context.registrations.minutesByVolunteer(ids);
    return ids.map((id) => minutes.get(id) ?? 0);
  });
}

export function volunteerActivityPageLoader(context: CampaignsContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<Activity>>(
    `volunteer.activities:${pageKey(page)}`,
    async (ids) => {
      const pages = await context.activities.pagesByVolunteer(ids, page, (id) =>
        volunteerActivityCountLoader(context).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function volunteerActivityCountLoader(context: CampaignsContext) {
  return context.loaders.get<string, number>("volunteer.activityCount", async (ids) => {
    const counts = await context.registrations.activityCountsByVolunteer(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** Places in line of the waiting registrations of the batch: one query. */
export function waitingPositionLoader(context: CampaignsContext) {
  return context.loaders.get<string, number | null>("registration.waitingPosition", async (ids) => {
    const positions = await context.registrations.waitingPositions(ids);
    return ids.map((id) => positions.get(id) ?? null);
  });
}
