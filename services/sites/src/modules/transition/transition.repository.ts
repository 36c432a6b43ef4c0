import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { Site, SiteStatus } from "../site/site.type.js";
import type { TransitionFacts } from "./transition.machine.js";
import type { SiteTransition } from "./transition.type.js";

/** A Prisma client inside a transaction. */
export type Tx = Prisma.TransactionClient;

const HISTORY_ORDER: readonly SqlOrderKey[] = [
  { field: "at", direction: "asc", type: "timestamptz" },
  { field: "id", direction: "asc", type: "uuid" },
];

/** Site histories: the only code that touches the SiteTransition table, and sites' statuses. */
export class TransitionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /** The site, its row LOCKED until the transaction ends (`FOR UPDATE`); null when there is none. */
  async lockSite(tx: Tx, siteId: string): Promise<Site | null> {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Site" WHERE "id" = ${siteId}::uuid FOR UPDATE`;
    if (locked.length === 0) return null;
    return tx.site.findUniqueOrThrow({ where: { id: siteId } });
  }

  /** What the lifecycle's preconditions look at, read in the given transaction. */
  async facts(tx: Tx, site: { id: string; latitude: unknown }): Promise<TransitionFacts> {
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

  /** Writes a site's new status (and the day it opened, if given) and one history entry. */
  async recordMove(
    tx: Tx,
    site: Site,
    move: {
      to: SiteStatus;
      openedOn: Date | null;
      actorId: string | null;
      actorRoles: string[];
      reason: string;
    },
  ): Promise<Site> {
    const moved = await tx.site.update({
      where: { id: site.id },
      data: { status: move.to, ...(move.openedOn ? { openedOn: move.openedOn } : {}) },
    });
    await tx.siteTransition.create({
      data: {
        siteId: site.id,
        fromStatus: site.status,
        toStatus: move.to,
        actorId: move.actorId,
        actorRoles: move.actorRoles,
        reason: move.reason,
      },
    });
    return moved;
  }

  /** The first page of history entries of each site after the cursor, oldest first, in one query. */
  pages(
    siteIds: readonly string[],
    page: PageRequest,
    countTotal: (id: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<SiteTransition>>> {
    return pagesByParent<SiteTransition>(this.prisma, {
      // Enums are read as text: raw queries return their values as strings.
      from: Prisma.sql`SELECT "id", "siteId", "fromStatus"::text AS "fromStatus", "toStatus"::text AS "toStatus", "actorId", "actorRoles", "reason", "at" FROM "SiteTransition"`,
      parent: "siteId",
      order: HISTORY_ORDER,
      parentIds: siteIds,
      page,
      countTotal,
    });
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
