import type { AuditLog, BaseContext, ReferencedIdsReader } from "@lamplight/subgraph-kit";
import type { AllianceRepository } from "./modules/alliance/alliance.repository.js";
import type { AllianceService } from "./modules/alliance/alliance.service.js";
import type { CareRepository } from "./modules/care/care.repository.js";
import type { FamilyRepository } from "./modules/family/family.repository.js";
import type { MatchingRepository } from "./modules/matching/matching.repository.js";
import type { NeedRepository } from "./modules/need/need.repository.js";
import type { OrganisationRepository } from "./modules/organisation/organisation.repository.js";
import type { PairingRepository } from "./modules/pairing/pairing.repository.js";
import type { PairingService } from "./modules/pairing/pairing.service.js";
import type { SiteReplicaRepository } from "./modules/site/site.replica.js";
import type { StudentRepository } from "./modules/student/student.repository.js";
import type { StudentService } from "./modules/student/student.service.js";
import type { VolunteerRepository } from "./modules/volunteer/volunteer.repository.js";
import type { VolunteerService } from "./modules/volunteer/volunteer.service.js";

/** What this subgraph's resolvers receive. */
export interface PeopleContext extends BaseContext {
  organisations: OrganisationRepository;
  alliance: AllianceRepository;
  students: StudentRepository;
  needs: NeedRepository;
  family: FamilyRepository;
  care: CareRepository;
  volunteers: VolunteerRepository;
  pairings: PairingRepository;
  /** The commands: registering children and volunteers, the volunteers' lifecycle and pairings, the alliance. */
  studentService: StudentService;
  pairingService: PairingService;
  volunteerService: VolunteerService;
  allianceService: AllianceService;
  /** The homes people knows from the sites subgraph's events. */
  knownSites: SiteReplicaRepository;
  matching: MatchingRepository;
  /** How many children one volunteer may be paired with at once (MAX_CHILDREN_PER_VOLUNTEER). */
  maxChildrenPerVolunteer: number;
  auditLog: AuditLog;
  /** The ids of other subgraphs' records this one names (its references listing). */
  referencedIds: ReferencedIdsReader;
}
