import type { TestableService } from "@lamplight/testing";
import { openCampaignsDatabase, SERVICE_DIR, SERVICE_NAME } from "./database.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { createServer } from "./server.js";

/** How tests start this subgraph (its own suite and the composed-graph suite). */
export const campaignsService: TestableService<PrismaClient> = {
  name: SERVICE_NAME,
  serviceDir: SERVICE_DIR,
  open: openCampaignsDatabase,
  createServer,
  consumes,
};

/**
 * The demo projects and their milestones, for tests that need projects (no activities loaded), and
 * the whole demo data set (projects, activities, registrations, awards), for the composed-graph suite.
 */
export { seedCampaigns, seedProjects } from "./seed/index.js";
