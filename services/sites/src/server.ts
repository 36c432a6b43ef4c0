import type { Database } from "@lamplight/db-kit";
import {
  AuditLog,
  createSubgraphServer,
  type Logger,
  ReferencedIdsReader,
  type SubgraphEventsOptions,
  type SubgraphServer,
} from "@lamplight/subgraph-kit";
import type { SitesContext } from "./context.js";
import { SERVICE_NAME } from "./database.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { ApplicationRepository } from "./modules/application/application.repository.js";
import { AssessmentRepository } from "./modules/assessment/assessment.repository.js";
import { CoverageRepository } from "./modules/coverage/coverage.repository.js";
import { EquipmentRepository } from "./modules/equipment/equipment.repository.js";
import { FacilityRepository } from "./modules/facility/facility.repository.js";
import { OrganisationReplicaRepository } from "./modules/organisation/organisation.replica.js";
import { ProcurementRepository } from "./modules/procurement/procurement.repository.js";
import { announceUnannouncedSites } from "./modules/site/site.events.js";
import { SiteRepository } from "./modules/site/site.repository.js";
import { TenderRepository } from "./modules/tender/tender.repository.js";
import { TransitionRepository } from "./modules/transition/transition.repository.js";
import { buildSitesSchema } from "./schema.js";

export interface SitesServerDeps {
  database: Database<PrismaClient>;
  logger: Logger;
  /** Verifies the gateway's identity header. */
  identityKey: Uint8Array;
  /** How its events travel (NATS or the feeds); without, it serves its own feed and consumes nothing. */
  events?: SubgraphEventsOptions;
  suppressionThreshold?: number;
  aggregateCacheSeconds?: number;
}

/** The sites subgraph, ready to listen; tests call this with a fresh database. */
export async function createServer(deps: SitesServerDeps): Promise<SubgraphServer> {
  const { database } = deps;
  // Sites loaded in bulk (the seed) or written before events existed are announced once, so that
  // every consumer's replica can be built from the feed.
  await announceUnannouncedSites(database.client);
  const sites = new SiteRepository(database.client);
  const transitions = new TransitionRepository(database.client);
  const applications = new ApplicationRepository(database.client);
  const tenders = new TenderRepository(database.client);
  const equipment = new EquipmentRepository(database.client);
  const procurement = new ProcurementRepository(database.client, equipment);
  const assessments = new AssessmentRepository(database.client);
  const coverage = new CoverageRepository(database.client);
  const facilities = new FacilityRepository(database.client);
  const knownOrganisations = new OrganisationReplicaRepository(database.client);
  const auditLog = new AuditLog(database.client.auditEntry);
  const referencedIds = new ReferencedIdsReader(database.client);
  return createSubgraphServer<SitesContext>({
    name: SERVICE_NAME,
    schema: await buildSitesSchema(),
    logger: deps.logger,
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
      knownOrganisations,
      auditLog,
      referencedIds,
    }),
    database,
    identityKey: deps.identityKey,
    // Organisations from people: an application, a bid or an evaluator names only one people has registered.
    events: { ...deps.events, consumes },
    auditLog,
    ...(deps.suppressionThreshold ? { suppressionThreshold: deps.suppressionThreshold } : {}),
    ...(deps.aggregateCacheSeconds !== undefined
      ? { aggregateCacheSeconds: deps.aggregateCacheSeconds }
      : {}),
  });
}
