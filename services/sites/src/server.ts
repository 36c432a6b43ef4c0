import type { Database } from "@lamplight/db-kit";
import { createSubgraphServer, type Logger, type SubgraphServer } from "@lamplight/subgraph-kit";
import type { SitesContext } from "./context.js";
import { SERVICE_NAME } from "./database.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { SiteRepository } from "./modules/site/site.repository.js";
import { buildSitesSchema } from "./schema.js";

export interface SitesServerDeps {
  database: Database<PrismaClient>;
  logger: Logger;
}

/** The sites subgraph, ready to listen; tests call this with a fresh database. */
export async function createServer({ database, logger }: SitesServerDeps): Promise<SubgraphServer> {
  const sites = new SiteRepository(database.client);
  return createSubgraphServer<SitesContext>({
    name: SERVICE_NAME,
    schema: await buildSitesSchema(),
    logger,
    context: (base) => ({ ...base, sites }),
    database,
  });
}
