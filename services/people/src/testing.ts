import type { TestableService } from "@lamplight/testing";
import { openPeopleDatabase, SERVICE_DIR, SERVICE_NAME } from "./database.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { createServer } from "./server.js";

/** How tests start this subgraph (its own suite and the composed-graph suite). */
export const peopleService: TestableService<PrismaClient> = {
  name: SERVICE_NAME,
  serviceDir: SERVICE_DIR,
  open: openPeopleDatabase,
  createServer,
  consumes,
};

/** Announces organisations written straight to the database (as the seed loads them). */
export { announceUnannouncedOrganisations } from "./modules/organisation/organisation.events.js";
/** The whole demo data set (organisations, children, volunteers), for the composed-graph suite. */
export { seedPeople } from "./seed/index.js";
