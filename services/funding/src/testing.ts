import type { TestableService } from "@lamplight/testing";
import { openFundingDatabase, SERVICE_DIR, SERVICE_NAME } from "./database.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { createServer } from "./server.js";

/** How tests start this subgraph (its own suite and the composed-graph suite). */
export const fundingService: TestableService<PrismaClient> = {
  name: SERVICE_NAME,
  serviceDir: SERVICE_DIR,
  open: openFundingDatabase,
  createServer,
};

/** The demo funds and their charts of accounts, for tests that record gifts (no gifts loaded). */
export { seedFunds } from "./seed/index.js";
