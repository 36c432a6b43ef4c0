import { byKeys, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { SitesContext } from "../../context.js";
import type { ApplicationDocument, ApplicationReview, SiteApplication } from "./application.type.js";

export function applicationLoader(context: SitesContext) {
  return context.loaders.get<string, SiteApplication | null>("application.byId", async (ids) =>
    byKeys(ids, await context.applications.findByIds(ids), (row) => row.id),
  );
}

export function applicationBySiteLoader(context: SitesContext) {
  return context.loaders.get<string, SiteApplication | null>("application.bySite", async (ids) =>
    byKeys(ids, await context.applications.findBySiteIds(ids), (row) => row.siteId),
  );
}

export function reviewsLoader(context: SitesContext) {
  return context.loaders.get<string, ApplicationReview[]>("application.reviews", async (ids) => {
    const reviews = await context.applications.reviewsOf(ids);
    return ids.map((id) => reviews.filter((review) => review.applicationId === id));
  });
}

export function documentPageLoader(context: SitesContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<ApplicationDocument>>(
    `application.documents:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.applications.documentPages(ids, page, (id) =>
        documentCountLoader(context).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function documentCountLoader(context: SitesContext) {
  return context.loaders.get<string, number>("application.documentCount", async (ids) => {
    const counts = await context.applications.documentCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
