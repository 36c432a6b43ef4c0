import type { Database } from "@lamplight/db-kit";
import {
  AuditLog,
  createSubgraphServer,
  type Logger,
  ReferencedIdsReader,
  type SubgraphEventsOptions,
  type SubgraphServer,
} from "@lamplight/subgraph-kit";
import type { FundingContext } from "./context.js";
import { SERVICE_NAME } from "./database.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { DEFAULT_MAX_GIFT_YUAN, FEN_PER_YUAN } from "./limits.js";
import { DonationRepository } from "./modules/donation/donation.repository.js";
import { FundRepository } from "./modules/fund/fund.repository.js";
import { GrantRepository } from "./modules/grant/grant.repository.js";
import { InKindRepository } from "./modules/inkind/inkind.repository.js";
import { JournalRepository } from "./modules/journal/journal.repository.js";
import { PledgeRepository } from "./modules/pledge/pledge.repository.js";
import { TraceRepository } from "./modules/trace/trace.repository.js";
import { giving360Routes } from "./modules/transparency/transparency.http.js";
import { KnownReferences } from "./references.js";
import { buildFundingSchema } from "./schema.js";

export interface FundingServerDeps {
  database: Database<PrismaClient>;
  logger: Logger;
  /** Verifies the gateway's identity header. */
  identityKey: Uint8Array;
  /** How its events travel (NATS or the feeds); without, it serves its own feed and consumes nothing. */
  events?: SubgraphEventsOptions;
  suppressionThreshold?: number;
  aggregateCacheSeconds?: number;
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
  const known = new KnownReferences(database.client);
  // Every mutation and every read of an anonymous donor's identity lands here, in this subgraph's database.
  const auditLog = new AuditLog(database.client.auditEntry);
  const referencedIds = new ReferencedIdsReader(database.client);
  const maxGiftFen = BigInt(deps.maxGiftYuan ?? DEFAULT_MAX_GIFT_YUAN) * FEN_PER_YUAN;
  return createSubgraphServer<FundingContext>({
    name: SERVICE_NAME,
    schema: await buildFundingSchema(),
    logger: deps.logger,
    context: (base) => ({
      ...base,
      funds,
      journal,
      donations,
      grants,
      pledges,
      inKind,
      traces,
      known,
      auditLog,
      referencedIds,
      maxGiftFen,
    }),
    database,
    identityKey: deps.identityKey,
    // Homes from sites, donors from people, projects from campaigns: every id an input names is
    // checked against them.
    events: { ...deps.events, consumes },
    auditLog,
    // The 360Giving files, served beside /graphql.
    routes: giving360Routes(grants, deps.logger),
    ...(deps.suppressionThreshold ? { suppressionThreshold: deps.suppressionThreshold } : {}),
    ...(deps.aggregateCacheSeconds !== undefined
      ? { aggregateCacheSeconds: deps.aggregateCacheSeconds }
      : {}),
  });
}
