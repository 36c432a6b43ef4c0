import type { AuditLog, BaseContext } from "@lamplight/subgraph-kit";
import type { ActivityRepository } from "./modules/activity/activity.repository.js";
import type { AwardRepository } from "./modules/award/award.repository.js";
import type { ProjectRepository } from "./modules/project/project.repository.js";
import type { RegistrationRepository } from "./modules/registration/registration.repository.js";

/** What this subgraph's resolvers receive. */
export interface CampaignsContext extends BaseContext {
  projects: ProjectRepository;
  activities: ActivityRepository;
  registrations: RegistrationRepository;
  awards: AwardRepository;
  auditLog: AuditLog;
}
