import type { AuditLog, BaseContext, ReferencedIdsReader } from "@lamplight/subgraph-kit";
import type { ApplicationRepository } from "./modules/application/application.repository.js";
import type { ApplicationService } from "./modules/application/application.service.js";
import type { AssessmentRepository } from "./modules/assessment/assessment.repository.js";
import type { AssessmentService } from "./modules/assessment/assessment.service.js";
import type { CoverageRepository } from "./modules/coverage/coverage.repository.js";
import type { EquipmentRepository } from "./modules/equipment/equipment.repository.js";
import type { EquipmentService } from "./modules/equipment/equipment.service.js";
import type { FacilityRepository } from "./modules/facility/facility.repository.js";
import type { FacilityService } from "./modules/facility/facility.service.js";
import type { OrganisationReplicaRepository } from "./modules/organisation/organisation.replica.js";
import type { ProcurementRepository } from "./modules/procurement/procurement.repository.js";
import type { ProcurementService } from "./modules/procurement/procurement.service.js";
import type { SiteRepository } from "./modules/site/site.repository.js";
import type { SiteService } from "./modules/site/site.service.js";
import type { TenderRepository } from "./modules/tender/tender.repository.js";
import type { TenderService } from "./modules/tender/tender.service.js";
import type { TransitionRepository } from "./modules/transition/transition.repository.js";
import type { TransitionService } from "./modules/transition/transition.service.js";

/** What this subgraph's resolvers receive. */
export interface SitesContext extends BaseContext {
  sites: SiteRepository;
  transitions: TransitionRepository;
  applications: ApplicationRepository;
  tenders: TenderRepository;
  equipment: EquipmentRepository;
  procurement: ProcurementRepository;
  assessments: AssessmentRepository;
  coverage: CoverageRepository;
  facilities: FacilityRepository;
  /** The commands: homes and their lifecycle, applications, equipment and its procurement, tenders, assessments, routes. */
  siteService: SiteService;
  transitionService: TransitionService;
  applicationService: ApplicationService;
  equipmentService: EquipmentService;
  procurementService: ProcurementService;
  tenderService: TenderService;
  assessmentService: AssessmentService;
  facilityService: FacilityService;
  /** The organisations sites knows from people's events. */
  knownOrganisations: OrganisationReplicaRepository;
  auditLog: AuditLog;
  /** The ids of other subgraphs' records this one names (its references listing). */
  referencedIds: ReferencedIdsReader;
}
