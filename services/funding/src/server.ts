import {
  AuditLog,
  createSubgraphServer,
  ReferencedIdsReader,
  type SubgraphServer,
  type SubgraphServerDeps,
} from "@lamplight/subgraph-kit";
import type { FundingContext } from "./context.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { DEFAULT_MAX_GIFT_YUAN, FEN_PER_YUAN } from "./limits.js";
import { DonationRepository } from "./modules/donation/donation.repository.js";
import { DonationService } from "./modules/donation/donation.service.js";
import { FundRepository } from "./modules/fund/fund.repository.js";
import { GrantRepository } from "./modules/grant/grant.repository.js";
import { GrantService } from "./modules/grant/grant.service.js";
import { InKindRepository } from "./modules/inkind/inkind.repository.js";
import { InKindService } from "./modules/inkind/inkind.service.js";
import { JournalRepository } from "./modules/journal/journal.repository.js";
import { JournalService } from "./modules/journal/journal.service.js";
import { PledgeRepository } from "./modules/pledge/pledge.repository.js";
import { PledgeService } from "./modules/pledge/pledge.service.js";
import { TraceRepository } from "./modules/trace/trace.repository.js";
import { giving360Routes } from "./modules/transparency/transparency.http.js";
import { KnownReferences } from "./references.js";
import { buildFundingSchema } from "./schema.js";

export interface FundingServerDeps extends SubgraphServerDeps<PrismaClient> {
  /** The most one money record may hold, in yuan (MAX_GIFT_YUAN); DEFAULT_MAX_GIFT_YUAN when left out. */
  maxGiftYuan?: number;
}

/** The funding subgraph, ready to listen; tests call this with a fresh database. */
export async function createServer(deps: FundingServerDeps): Promise<SubgraphServer> {
  const { database } = deps;
  const funds = new FundRepository(database.client);
  const journal = new JournalRepository(database.client);
  const donations = new DonationRepository(database.client);
  const grants = new GrantRepository(database.client);
  const pledges = new PledgeRepository(database.client);
  const inKind = new InKindRepository(database.client);
  const traces = new TraceRepository(database.client);
  const journalService = new JournalService(journal);
  const donationService = new DonationService(donations, journalService);
  const pledgeService = new PledgeService(pledges);
  const inKindService = new InKindService(inKind, journalService);
  const grantService = new GrantService(grants, journalService);
  const known = new KnownReferences(database.client);
  // Every mutation and every read of an anonymous donor's identity lands here, in this subgraph's database.
  const auditLog = new AuditLog(database.client.auditEntry);
  const referencedIds = new ReferencedIdsReader(database.client);
  const maxGiftFen = BigInt(deps.maxGiftYuan ?? DEFAULT_MAX_GIFT_YUAN) * FEN_PER_YUAN;
  return createSubgraphServer<FundingContext>({
    // The name, database, logger, identity key and settings, as the entry point or a test gave them.
    ...deps,
    schema: await buildFundingSchema(),
    context: (base) => ({
      ...base,
      funds,
      journal,
      donations,
      grants,
      pledges,
      inKind,
      traces,
      journalService,
      donationService,
      pledgeService,
      inKindService,
      grantService,
      known,
      auditLog,
      referencedIds,
      maxGiftFen,
    }),
    // Homes from sites, donors from people, projects from campaigns: every id an input names is
    // checked against them.
    events: { ...deps.events, consumes },
    auditLog,
    // The 360Giving files, served beside /graphql.
    routes: giving360Routes(grants, deps.logger),
  });
}
