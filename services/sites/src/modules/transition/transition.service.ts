import { SiteEventType } from "@lamplight/events";
import { BadUserInputError, ForbiddenError, NotFoundError } from "@lamplight/platform";
import { getRegion, todayInProvince } from "@lamplight/regions";
import { isUuid } from "@lamplight/subgraph-kit";
import { appendSiteEvents } from "../site/site.events.js";
import type { Site, SiteStatus } from "../site/site.type.js";
import { checkTransition, type Level, type Status } from "./transition.machine.js";
import type { TransitionRepository, Tx } from "./transition.repository.js";

/** Who moves a site: kept in its history. */
export interface Actor {
  id: string | null;
  roles: string[];
  /** The level at which they act on this site (see transition.policy.ts). */
  level: Level | null;
}

/** A site's lifecycle: every change of status is checked against it, written with its history entry and announced. */
export class TransitionService {
  constructor(private readonly transitions: TransitionRepository) {}

  move(siteId: string, to: SiteStatus, actor: Actor, reason: string): Promise<Site> {
    if (!isUuid(siteId)) throw new NotFoundError("Site", siteId);
    return this.transitions.transaction((tx) => this.moveWithin(tx, siteId, to, actor, reason));
  }

  /**
   * Moves a site to `to` inside the caller's transaction: locks the site's row, so that two
   * identical moves at once run one after the other and the second finds the site already moved
   * and is refused; checks the move against the lifecycle; writes the status and one history entry.
   */
  async moveWithin(tx: Tx, siteId: string, to: SiteStatus, actor: Actor, reason: string): Promise<Site> {
    const site = await this.transitions.lockSite(tx, siteId);
    if (!site) throw new NotFoundError("Site", siteId);
    if (!actor.level) {
      const name = getRegion(site.regionCode)?.name ?? site.regionCode;
      throw new ForbiddenError(`${name} (${site.regionCode}) is outside your region`, {
        regionCode: site.regionCode,
      });
    }
    const verdict = checkTransition(
      site.status as Status,
      to as Status,
      actor.level,
      await this.transitions.facts(tx, site),
    );
    if (!verdict.ok) {
      const details = { field: "input.to", currentStatus: site.status, requestedStatus: to };
      if (verdict.reason === "LEVEL")
        throw new ForbiddenError(verdict.message, { ...details, minLevel: verdict.minLevel });
      if (verdict.reason === "PRECONDITION")
        throw new BadUserInputError(verdict.message, { ...details, unmet: verdict.unmet });
      throw new BadUserInputError(verdict.message, details);
    }
    const moved = await this.transitions.recordMove(tx, site, {
      to,
      openedOn: to === "OPEN" && site.openedOn === null ? todayInProvince() : null,
      actorId: actor.id,
      actorRoles: actor.roles,
      reason,
    });
    await appendSiteEvents(tx, SiteEventType.STATUS_CHANGED, [siteId]);
    return moved;
  }
}
