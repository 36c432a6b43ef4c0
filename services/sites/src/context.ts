import type { AuditLog, BaseContext } from "@lamplight/subgraph-kit";
import type { SiteRepository } from "./modules/site/site.repository.js";

/** What this subgraph's resolvers receive. */
export interface SitesContext extends BaseContext {
  sites: SiteRepository;
  auditLog: AuditLog;
}
