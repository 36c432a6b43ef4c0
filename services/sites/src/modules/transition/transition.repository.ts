import { SiteEventType } from "@lamplight/events";
import { BadUserInputError, ForbiddenError, NotFoundError } from "@lamplight/platform";
import { getRegion, todayInProvince } from "@lamplight/regions";
import { isUuid, type PageRequest } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { pagesByParent } from "../../paging.js";
import { appendSiteEvents } from "../site/site.events.js";
import type { Site, SiteStatus } from "../site/site.type.js";
import { checkTransition, type Level, type Status, type TransitionFacts } from "./transition.machine.js";
import type { SiteTransition } from "./transition.type.js";

/** A Prisma client inside a transaction. */
export type Tx = Prisma.TransactionClient;

/** Who moves a site: kept in its history. */
export interface Actor {
  id: string | null;
  roles: string[];
  /** The level at which they act on this site (see transition.policy.ts). */
  level: Level | null;
}

export const HISTORY_ORDER = [
  { field: "at", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

/** What the lifecycle's preconditions look at, read in the given transaction. */
export async function transitionFacts(
  tx: Tx,
  site: { id: string; latitude: unknown },
): Promise<TransitionFacts> {
  const [application, awarded] = await Promise.all([
    tx.siteApplication.findUnique({ where: { siteId: site.id }, include: { reviews: true } }),
    tx.contract.count({ where: { lot: { siteId: site.id, tender: { purpose: "CONSTRUCTION" } } } }),
  ]);
  const reviews: TransitionFacts["reviews"] = {};
  for (const review of application?.reviews ?? []) reviews[review.level] = review.decision;
  return {
    hasApplication: application !== null,
    reviews,
    constructionAwarded: awarded > 0,
    hasLocation: site.latitude !== null,
  };
}

/**
 * Moves a site to `to` inside the caller's transaction: locks the site's row (`FOR UPDATE`), so that
 * two identical moves at once run one after the other and the second finds the site already moved
 * and is refused; checks the move against the lifecycle; writes the status and one history entry.
 */
export async function moveSite(
  tx: Tx,
  siteId: string,
  to: SiteStatus,
  actor: Actor,
  reason: string,
): Promise<Site> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Site" WHERE "id" = ${siteId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Site", siteId);
  const site = await tx.site.findUniqueOrThrow({ where: { id: siteId } });
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
    await transitionFacts(tx, site),
  );
  if (!verdict.ok) {
    const details = { field: "input.to", currentStatus: site.status, requestedStatus: to };
    if (verdict.reason === "LEVEL")
      throw new ForbiddenError(verdict.message, { ...details, minLevel: verdict.minLevel });
    if (verdict.reason === "PRECONDITION")
      throw new BadUserInputError(verdict.message, { ...details, unmet: verdict.unmet });
    throw new BadUserInputError(verdict.message, details);
  }
  const today = todayInProvince();
  const moved = await tx.site.update({
    where: { id: siteId },
    data: { status: to, ...(to === "OPEN" && site.openedOn === null ? { openedOn: today } : {}) },
  });
  await tx.siteTransition.create({
    data: {
      siteId,
      fromStatus: site.status,
      toStatus: to,
      actorId: actor.id,
      actorRoles: actor.roles,
      reason,
    },
  });
  await appendSiteEvents(tx, SiteEventType.STATUS_CHANGED, [siteId]);
  return moved;
}

/** Site histories: the only code that reads the SiteTransition table. */
export class TransitionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  move(siteId: string, to: SiteStatus, actor: Actor, reason: string): Promise<Site> {
    if (!isUuid(siteId)) throw new NotFoundError("Site", siteId);
    return this.prisma.$transaction((tx) => moveSite(tx, siteId, to, actor, reason));
  }

  /** The first `page.first + 1` history entries of each site after the cursor, in one query. */
  pages(siteIds: readonly string[], page: PageRequest): Promise<Map<string, SiteTransition[]>> {
    return pagesByParent<SiteTransition & Record<string, unknown>>(
      this.prisma,
      {
        table: "SiteTransition",
        parentColumn: "siteId",
        columns: `"id", "siteId", "fromStatus"::text AS "fromStatus", "toStatus"::text AS "toStatus", "actorId", "actorRoles", "reason", "at"`,
        orderColumn: "at",
        orderKind: "timestamp",
      },
      siteIds,
      page,
    );
  }

  async counts(siteIds: readonly string[]): Promise<Map<string, number>> {
    const valid = [...new Set(siteIds.filter(isUuid))];
    const groups = valid.length
      ? await this.prisma.siteTransition.groupBy({
          by: ["siteId"],
          where: { siteId: { in: valid } },
          _count: { _all: true },
        })
      : [];
    return new Map(groups.map((group) => [group.siteId, group._count._all]));
  }
}
