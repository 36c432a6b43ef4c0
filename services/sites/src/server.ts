import type { Database } from "@lamplight/db-kit";
import { AuditLog, createSubgraphServer, type Logger, type SubgraphServer } from "@lamplight/subgraph-kit";
import type { SitesContext } from "./context.js";
import { SERVICE_NAME } from "./database.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { SiteRepository } from "./modules/site/site.repository.js";
import { buildSitesSchema } from "./schema.js";

export interface SitesServerDeps {
  database: Database<PrismaClient>;
  logger: Logger;
  /** Verifies the gateway's identity header. */
  identityKey: Uint8Array;
  suppressionThreshold?: number;
}

/** The sites subgraph, ready to listen; tests call this with a fresh database. */
export async function createServer(deps: SitesServerDeps): Promise<SubgraphServer> {
  const { database } = deps;
  const sites = new SiteRepository(database.client);
  const auditLog = new AuditLog(database.client.auditEntry);
  return createSubgraphServer<SitesContext>({
    name: SERVICE_NAME,
    schema: await buildSitesSchema(),
    logger: deps.logger,
    context: (base) => ({ ...base, sites, auditLog }),
    database,
    identityKey: deps.identityKey,
    auditLog,
    ...(deps.suppressionThreshold ? { suppressionThreshold: deps.suppressionThreshold } : {}),
  });
}
