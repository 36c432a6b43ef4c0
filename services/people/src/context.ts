import type { AuditLog, BaseContext } from "@lamplight/subgraph-kit";
import type { NeedRepository } from "./modules/need/need.repository.js";
import type { OrganisationRepository } from "./modules/organisation/organisation.repository.js";
import type { StudentRepository } from "./modules/student/student.repository.js";

/** What this subgraph's resolvers receive. */
export interface PeopleContext extends BaseContext {
  organisations: OrganisationRepository;
  students: StudentRepository;
  needs: NeedRepository;
  auditLog: AuditLog;
}
