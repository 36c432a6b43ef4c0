import { randomUUID } from "node:crypto";
import {
  ConsumerStore,
  type DomainEvent,
  SITE_EVENT_VERSION,
  SiteEventType,
  type SiteFacts,
} from "@lamplight/events";
import { cityOf } from "@lamplight/regions";
import type { StartedSubgraph } from "./subgraph.js";

/** An event as its producer would write it; the delivery gives it an id and a time. */
export type ProducedEvent = Pick<DomainEvent, "producer" | "type" | "version" | "entity" | "key" | "payload">;

/**
 * Applies events to a subgraph through its own consumer (the handlers it runs in production), as
 * if their producer had published them: for tests of one subgraph alone. In a composed graph the
 * producers' real events reach it instead.
 */
export async function deliverEvents(
  subgraph: StartedSubgraph,
  events: readonly ProducedEvent[],
): Promise<void> {
  const store = new ConsumerStore(subgraph.database.client as never, subgraph.consumes);
  for (const event of events) {
    await store.apply({ ...event, id: randomUUID(), sequence: 0n, occurredAt: new Date() });
  }
}

/** A site's facts with those of an open home, for what a test does not say. */
export function siteFactsOf(site: Pick<SiteFacts, "id" | "countyCode"> & Partial<SiteFacts>): SiteFacts {
  return {
    name: "测试留守学生之家",
    kind: "HOME",
    status: "OPEN",
    cityCode: cityOf(site.countyCode)?.code ?? site.countyCode,
    ...site,
  };
}

/** Tells a subgraph of sites as the sites subgraph would (`site.registered` unless told). */
export function announceSites(
  subgraph: StartedSubgraph,
  sites: ReadonlyArray<Pick<SiteFacts, "id" | "countyCode"> & Partial<SiteFacts>>,
  type: SiteEventType = SiteEventType.REGISTERED,
): Promise<void> {
  return deliverEvents(
    subgraph,
    sites.map((site) => ({
      producer: "sites",
      type,
      version: SITE_EVENT_VERSION,
      entity: "Site",
      key: site.id,
      payload: siteFactsOf(site) as unknown as Record<string, unknown>,
    })),
  );
}
