import { randomUUID } from "node:crypto";
import { ConsumerStore, SITE_EVENT_VERSION, SiteEventType, type SiteFacts } from "@lamplight/events";
import { cityOf } from "@lamplight/regions";
import type { StartedSubgraph, TestableService } from "@lamplight/testing";
import { openPeopleDatabase, SERVICE_DIR, SERVICE_NAME } from "./database.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { siteEventHandlers } from "./modules/site/site.events.js";
import { createServer } from "./server.js";

/** How tests start this subgraph (its own suite and the composed-graph suite). */
export const peopleService: TestableService<PrismaClient> = {
  name: SERVICE_NAME,
  serviceDir: SERVICE_DIR,
  open: openPeopleDatabase,
  createServer,
};

/**
 * Tells a people subgraph of homes as the sites subgraph would: events (`site.registered` unless
 * told) applied through its own consumer. For tests of people alone; in a composed graph, sites
 * tells it.
 */
export async function announceSites(
  people: StartedSubgraph<PrismaClient>,
  sites: Array<Pick<SiteFacts, "id" | "countyCode"> & Partial<SiteFacts>>,
  type: SiteEventType = SiteEventType.REGISTERED,
): Promise<void> {
  const store = new ConsumerStore(people.database.client, { sites: siteEventHandlers });
  for (const site of sites) {
    const payload: SiteFacts = {
      name: "测试留守学生之家",
      kind: "HOME",
      status: "OPEN",
      cityCode: cityOf(site.countyCode)?.code ?? site.countyCode,
      ...site,
    };
    await store.apply({
      id: randomUUID(),
      producer: "sites",
      type,
      version: SITE_EVENT_VERSION,
      entity: "Site",
      key: site.id,
      sequence: 0n,
      occurredAt: new Date(),
      payload: payload as unknown as Record<string, unknown>,
    });
  }
}
