import {
  AuditLog,
  createSubgraphServer,
  ReferencedIdsReader,
  type SubgraphServer,
  type SubgraphServerDeps,
} from "@lamplight/subgraph-kit";
import type { SitesContext } from "./context.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { ApplicationRepository } from "./modules/application/application.repository.js";
import { ApplicationService } from "./modules/application/application.service.js";
import { AssessmentRepository } from "./modules/assessment/assessment.repository.js";
import { AssessmentService } from "./modules/assessment/assessment.service.js";
import { CoverageRepository } from "./modules/coverage/coverage.repository.js";
import { EquipmentRepository } from "./modules/equipment/equipment.repository.js";
import { EquipmentService } from "./modules/equipment/equipment.service.js";
import { FacilityRepository } from "./modules/facility/facility.repository.js";
import { FacilityService } from "./modules/facility/facility.service.js";
import { OrganisationReplicaRepository } from "./modules/organisation/organisation.replica.js";
import { ProcurementRepository } from "./modules/procurement/procurement.repository.js";
import { ProcurementService } from "./modules/procurement/procurement.service.js";
import { announceUnannouncedSites } from "./modules/site/site.events.js";
import { SiteRepository } from "./modules/site/site.repository.js";
import { SiteService } from "./modules/site/site.service.js";
import { TenderRepository } from "./modules/tender/tender.repository.js";
import { TenderService } from "./modules/tender/tender.service.js";
import { TransitionRepository } from "./modules/transition/transition.repository.js";
import { TransitionService } from "./modules/transition/transition.service.js";
import { buildSitesSchema } from "./schema.js";

/** The sites subgraph, ready to listen; tests call this with a fresh database. */
export async function createServer(deps: SubgraphServerDeps<PrismaClient>): Promise<SubgraphServer> {
  const { database } = deps;
  // Sites loaded in bulk (the seed) or written before events existed are announced once, so that
  // every consumer's replica can be built from the feed.
  await announceUnannouncedSites(database.client);
  const sites = new SiteRepository(database.client);
  const transitions = new TransitionRepository(database.client);
  const applications = new ApplicationRepository(database.client);
  const tenders = new TenderRepository(database.client);
  const equipment = new EquipmentRepository(database.client);
  const procurement = new ProcurementRepository(database.client);
  const assessments = new AssessmentRepository(database.client);
  const coverage = new CoverageRepository(database.client);
  const facilities = new FacilityRepository(database.client);
  const siteService = new SiteService(sites);
  const transitionService = new TransitionService(transitions);
  const applicationService = new ApplicationService(applications, transitionService);
  const equipmentService = new EquipmentService(equipment);
  const procurementService = new ProcurementService(procurement, equipmentService);
  const tenderService = new TenderService(tenders);
  const assessmentService = new AssessmentService(assessments);
  const facilityService = new FacilityService(facilities);
  const knownOrganisations = new OrganisationReplicaRepository(database.client);
  const auditLog = new AuditLog(database.client.auditEntry);
  const referencedIds = new ReferencedIdsReader(database.client);
  return createSubgraphServer<SitesContext>({
    // The name, database, logger, identity key and settings, as the entry point or a test gave them.
    ...deps,
    schema: await buildSitesSchema(),
    context: (base) => ({
      ...base,
      sites,
      transitions,
      applications,
      tenders,
      equipment,
      procurement,
      assessments,
      coverage,
      facilities,
      siteService,
      transitionService,
      applicationService,
      equipmentService,
      procurementService,
      tenderService,
      assessmentService,
      facilityService,
      knownOrganisations,
      auditLog,
      referencedIds,
    }),
    // Organisations from people: an application, a bid or an evaluator names only one people has registered.
    events: { ...deps.events, consumes },
    auditLog,
  });
}
