import {
  AuditLog,
  createSubgraphServer,
  ReferencedIdsReader,
  type SubgraphServer,
  type SubgraphServerDeps,
} from "@lamplight/subgraph-kit";
import type { CampaignsContext } from "./context.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { ActivityRepository } from "./modules/activity/activity.repository.js";
import { AwardRepository } from "./modules/award/award.repository.js";
import { AwardService } from "./modules/award/award.service.js";
import { announceUnannouncedProjects } from "./modules/project/project.events.js";
import { ProjectRepository } from "./modules/project/project.repository.js";
import { ProjectService } from "./modules/project/project.service.js";
import { RegistrationRepository } from "./modules/registration/registration.repository.js";
import { RegistrationService } from "./modules/registration/registration.service.js";
import { StudentReplicaRepository } from "./modules/student/student.replica.js";
import { VolunteerReplicaRepository } from "./modules/volunteer/volunteer.replica.js";
import { buildCampaignsSchema } from "./schema.js";

/** The campaigns subgraph, ready to listen; tests call this with a fresh database. */
export async function createServer(deps: SubgraphServerDeps<PrismaClient>): Promise<SubgraphServer> {
  const { database } = deps;
  // Projects loaded by the seed, or written before campaigns published events, are announced once.
  await announceUnannouncedProjects(database.client);
  const projects = new ProjectRepository(database.client);
  const activities = new ActivityRepository(database.client);
  const registrations = new RegistrationRepository(database.client);
  const awards = new AwardRepository(database.client);
  const projectService = new ProjectService(projects);
  const registrationService = new RegistrationService(registrations);
  const awardService = new AwardService(awards);
  const knownStudents = new StudentReplicaRepository(database.client);
  const knownVolunteers = new VolunteerReplicaRepository(database.client);
  // Every mutation lands here, in this subgraph's database.
  const auditLog = new AuditLog(database.client.auditEntry);
  const referencedIds = new ReferencedIdsReader(database.client);
  return createSubgraphServer<CampaignsContext>({
    // The name, database, logger, identity key and settings, as the entry point or a test gave them.
    ...deps,
    schema: await buildCampaignsSchema(),
    context: (base) => ({
      ...base,
      projects,
      activities,
      registrations,
      awards,
      projectService,
      registrationService,
      awardService,
      knownStudents,
      knownVolunteers,
      auditLog,
      referencedIds,
    }),
    // Homes from sites, children and volunteers from people: every id a write names is checked
    // against them, and every region check reads the owner's region.
    events: { ...deps.events, consumes },
    auditLog,
  });
}
