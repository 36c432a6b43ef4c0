import { aggregateLoader, byKeys, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { CampaignsContext } from "../../context.js";
import type { DayRange, HomeRow } from "./activity.repository.js";
import type { Activity, Occurrence } from "./activity.type.js";

const rangeKey = (range: DayRange) => `${range.from?.toISOString() ?? ""}:${range.to?.toISOString() ?? ""}`;
const pageKey = (page: PageRequest) => `${page.first}:${page.after ?? ""}`;

/** The request's Activity-by-id loader: one SQL query per batch. */
export function activityLoader(context: CampaignsContext) {
  return context.loaders.get<string, Activity | null>("activity.byId", async (ids) =>
    byKeys(ids, await context.activities.findByIds(ids), (activity) => activity.id),
  );
}

export function occurrenceLoader(context: CampaignsContext) {
  return context.loaders.get<string, Occurrence | null>("occurrence.byId", async (ids) =>
    byKeys(ids, await context.activities.findOccurrences(ids), (occurrence) => occurrence.id),
  );
}

/** The homes known to this subgraph, with their county: one query per batch. */
export function homeLoader(context: CampaignsContext) {
  return context.loaders.get<string, HomeRow | null>("home.bySiteId", async (ids) =>
    byKeys(ids, await context.activities.findHomes(ids), (home) => home.siteId),
  );
}

/** The homes of every activity in the batch: one query. */
export function activityHomesLoader(context: CampaignsContext) {
  return context.loaders.get<string, string[]>("activity.homes", async (ids) => {
    const rows = await context.activities.homesOf(ids);
    return ids.map((id) => rows.filter((row) => row.activityId === id).map((row) => row.siteId));
  });
}

/** One page of occurrences per activity, for every activity of the batch: one query. */
export function occurrencePageLoader(context: CampaignsContext, range: DayRange, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<Occurrence>>(
    `activity.occurrences:${rangeKey(range)}:${pageKey(page)}`,
    async (ids) => {
      const pages = await context.activities.occurrencePages(ids, range, page, (id) =>
        occurrenceCountLoader(context, range).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function occurrenceCountLoader(context: CampaignsContext, range: DayRange) {
  return context.loaders.get<string, number>(`activity.occurrenceCount:${rangeKey(range)}`, async (ids) => {
    const counts = await context.activities.countOccurrences(ids, range);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** One page of activities per home, for every home of the batch: one query. */
export function siteActivityPageLoader(context: CampaignsContext, range: DayRange, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<Activity>>(
    `site.activities:${rangeKey(range)}:${pageKey(page)}`,
    async (ids) => {
      const pages = await context.activities.pagesBySite(ids, range, page, (id) =>
        siteActivityCountLoader(context, range).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function siteActivityCountLoader(context: CampaignsContext, range: DayRange) {
  return aggregateLoader<string, number>(context, `site.activityCount:${rangeKey(range)}`, async (ids) => {
    const counts = await context.activities.countBySite(ids, range);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** One page of occurrences per home, for every home of the batch: one query. */
export function siteOccurrencePageLoader(context: CampaignsContext, range: DayRange, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<Occurrence>>(
    `site.occurrences:${rangeKey(range)}:${pageKey(page)}`,
    async (ids) => {
      const pages = await context.activities.occurrencePagesBySite(ids, range, page, (id) =>
        siteOccurrenceCountLoader(context, range).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function siteOccurrenceCountLoader(context: CampaignsContext, range: DayRange) {
  return aggregateLoader<string, number>(context, `site.occurrenceCount:${rangeKey(range)}`, async (ids) => {
    const counts = await context.activities.countOccurrencesBySite(ids, range);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** One page of activities per project, for every project of the batch: one query. */
export function projectActivityPageLoader(context: CampaignsContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<Activity>>(
    `project.activities:${pageKey(page)}`,
    async (ids) => {
      const pages = await context.activities.pagesByProject(ids, page, (id) =>
        projectActivityCountLoader(context).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function projectActivityCountLoader(context: CampaignsContext) {
  return context.loaders.get<string, number>("project.activityCount", async (ids) => {
    const counts = await context.activities.countByProject(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
