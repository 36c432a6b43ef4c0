import type { TestableService } from "@lamplight/testing";
import { openSitesDatabase, SERVICE_DIR, SERVICE_NAME } from "./database.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { createServer } from "./server.js";

/** How tests start this subgraph (its own suite and the composed-graph suite). */
export const sitesService: TestableService<PrismaClient> = {
  name: SERVICE_NAME,
  serviceDir: SERVICE_DIR,
  open: openSitesDatabase,
  createServer,
  consumes,
};

export { demoSites } from "./seed/demo-sites.js";
/** The whole demo data set (homes, histories, equipment, assessments), for the composed-graph suite. */
export { seedSites } from "./seed/index.js";
