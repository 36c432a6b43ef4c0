import {
  AuditLog,
  createSubgraphServer,
  ReferencedIdsReader,
  type SubgraphServer,
  type SubgraphServerDeps,
} from "@lamplight/subgraph-kit";
import type { PeopleContext } from "./context.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { DEFAULT_MAX_CHILDREN_PER_VOLUNTEER } from "./limits.js";
import { AllianceRepository } from "./modules/alliance/alliance.repository.js";
import { AllianceService } from "./modules/alliance/alliance.service.js";
import { CareRepository } from "./modules/care/care.repository.js";
import { FamilyRepository } from "./modules/family/family.repository.js";
import { MatchingRepository } from "./modules/matching/matching.repository.js";
import { NeedRepository } from "./modules/need/need.repository.js";
import { announceUnannouncedOrganisations } from "./modules/organisation/organisation.events.js";
import { OrganisationRepository } from "./modules/organisation/organisation.repository.js";
import { PairingRepository } from "./modules/pairing/pairing.repository.js";
import { PairingService } from "./modules/pairing/pairing.service.js";
import { SiteReplicaRepository } from "./modules/site/site.replica.js";
import { announceUnannouncedStudents } from "./modules/student/student.events.js";
import { StudentRepository } from "./modules/student/student.repository.js";
import { StudentService } from "./modules/student/student.service.js";
import { announceUnannouncedVolunteers } from "./modules/volunteer/volunteer.events.js";
import { VolunteerRepository } from "./modules/volunteer/volunteer.repository.js";
import { VolunteerService } from "./modules/volunteer/volunteer.service.js";
import { buildPeopleSchema } from "./schema.js";

export interface PeopleServerDeps extends SubgraphServerDeps<PrismaClient> {
  /** How many children one volunteer may be paired with at once; 3 unless set. */
  maxChildrenPerVolunteer?: number;
}

/** The people subgraph, ready to listen; tests call this with a fresh database. */
export async function createServer(deps: PeopleServerDeps): Promise<SubgraphServer> {
  const { database } = deps;
  // Rows loaded by the seed, or written before people published events, are announced once, so
  // that every consumer can build its replica from the stream.
  await announceUnannouncedOrganisations(database.client);
  await announceUnannouncedStudents(database.client);
  await announceUnannouncedVolunteers(database.client);
  const organisations = new OrganisationRepository(database.client);
  const students = new StudentRepository(database.client);
  const needs = new NeedRepository(database.client);
  const pairings = new PairingRepository(database.client);
  const volunteers = new VolunteerRepository(database.client);
  const alliance = new AllianceRepository(database.client);
  const repositories = {
    organisations,
    students,
    needs,
    alliance,
    family: new FamilyRepository(database.client),
    care: new CareRepository(database.client),
    volunteers,
    pairings,
    matching: new MatchingRepository(database.client),
    knownSites: new SiteReplicaRepository(database.client),
  };
  const services = {
    studentService: new StudentService(students),
    pairingService: new PairingService(pairings),
    volunteerService: new VolunteerService(volunteers),
    allianceService: new AllianceService(alliance),
  };
  const maxChildrenPerVolunteer = deps.maxChildrenPerVolunteer ?? DEFAULT_MAX_CHILDREN_PER_VOLUNTEER;
  // Every read of a child's personal data and every mutation lands here, in this subgraph's database.
  const auditLog = new AuditLog(database.client.auditEntry);
  const referencedIds = new ReferencedIdsReader(database.client);
  return createSubgraphServer<PeopleContext>({
    // The name, database, logger, identity key and settings, as the entry point or a test gave them.
    ...deps,
    schema: await buildPeopleSchema(),
    context: (base) => ({
      ...base,
      ...repositories,
      ...services,
      maxChildrenPerVolunteer,
      auditLog,
      referencedIds,
    }),
    // The homes, from sites: a child's home is checked, and scoped, by what sites says of it.
    events: { ...deps.events, consumes },
    auditLog,
  });
}
