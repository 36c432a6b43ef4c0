import type { AuditLog, BaseContext, ReferencedIdsReader } from "@lamplight/subgraph-kit";
import type { ActivityRepository } from "./modules/activity/activity.repository.js";
import type { AwardRepository } from "./modules/award/award.repository.js";
import type { AwardService } from "./modules/award/award.service.js";
import type { ProjectRepository } from "./modules/project/project.repository.js";
import type { ProjectService } from "./modules/project/project.service.js";
import type { RegistrationRepository } from "./modules/registration/registration.repository.js";
import type { RegistrationService } from "./modules/registration/registration.service.js";
import type { StudentReplicaRepository } from "./modules/student/student.replica.js";
import type { VolunteerReplicaRepository } from "./modules/volunteer/volunteer.replica.js";

/** What this subgraph's resolvers receive. */
export interface CampaignsContext extends BaseContext {
  projects: ProjectRepository;
  activities: ActivityRepository;
  registrations: RegistrationRepository;
  awards: AwardRepository;
  /** The commands: projects, registrations, award selections. */
  projectService: ProjectService;
  registrationService: RegistrationService;
  awardService: AwardService;
  /** The children and volunteers campaigns knows from people's events. */
  knownStudents: StudentReplicaRepository;
  knownVolunteers: VolunteerReplicaRepository;
  auditLog: AuditLog;
  /** The ids of other subgraphs' records this one names (its references listing). */
  referencedIds: ReferencedIdsReader;
}
