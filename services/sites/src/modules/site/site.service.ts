import { SiteEventType } from "@lamplight/events";
import { isUuid } from "@lamplight/subgraph-kit";
import type { Prisma } from "../../generated/prisma/client.js";
import { appendSiteEvents } from "./site.events.js";
import type { CreateSiteInput, UpdateSiteInput } from "./site.inputs.js";
import type { SiteRepository } from "./site.repository.js";
import { requireCounty } from "./site.scope.js";
import type { Site } from "./site.type.js";

/** Registering homes and changing their details, each change that others keep announced. */
export class SiteService {
  constructor(private readonly sites: SiteRepository) {}

  /**
   * Registers a site and starts its history with its first status, in one transaction. A site is
   * usually registered as PROPOSED; one that already exists in the world may be registered in the
   * status it has (say OPEN), which its history records as its starting point.
   */
  create(input: CreateSiteInput, actor: { id: string | null; roles: string[] }): Promise<Site> {
    const county = requireCounty(input.regionCode, "input.regionCode");
    return this.sites.transaction(async (tx) => {
      const site = await this.sites.create(
        tx,
        {
          name: input.name.trim(),
          ...county,
          address: input.address.trim(),
          latitude: input.location?.latitude ?? null,
          longitude: input.location?.longitude ?? null,
          hostModel: input.hostModel,
          kind: input.kind,
          demonstration: input.demonstration,
          capacity: input.capacity,
          status: input.status,
          openedOn: input.openedOn ?? null,
        },
        actor,
      );
      await appendSiteEvents(tx, SiteEventType.REGISTERED, [site.id]);
      return site;
    });
  }

  /** Returns null when no home has this id. */
  async update(id: string, input: UpdateSiteInput): Promise<Site | null> {
    if (!isUuid(id)) return null;
    const change: Prisma.SiteUpdateInput = {};
    if (input.name != null) change.name = input.name.trim();
    if (input.regionCode != null) Object.assign(change, requireCounty(input.regionCode, "input.regionCode"));
    if (input.address != null) change.address = input.address.trim();
    if (input.location !== undefined) {
      change.latitude = input.location?.latitude ?? null;
      change.longitude = input.location?.longitude ?? null;
    }
    if (input.hostModel != null) change.hostModel = input.hostModel;
    if (input.demonstration != null) change.demonstration = input.demonstration;
    if (input.capacity != null) change.capacity = input.capacity;
    if (input.openedOn !== undefined) change.openedOn = input.openedOn;
    if (Object.keys(change).length === 0) return this.sites.findById(id);
    return this.sites.transaction(async (tx) => {
      const updated = await this.sites.update(tx, id, change);
      if (!updated) return null;
      const { before, site } = updated;
      // Consumers keep a home's county and name: they hear of a change to either, and of nothing else.
      if (site.regionCode !== before.regionCode) await appendSiteEvents(tx, SiteEventType.MOVED, [id]);
      else if (site.name !== before.name) await appendSiteEvents(tx, SiteEventType.CHANGED, [id]);
      return site;
    });
  }
}
