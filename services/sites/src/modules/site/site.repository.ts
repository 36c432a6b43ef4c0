import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { SiteFilter } from "./site.inputs.js";
import { withinRegion } from "./site.scope.js";
import type { Site } from "./site.type.js";

/** The stable list order: by name, then id so that equal names still page deterministically. */
const SITE_ORDER = [
  { field: "name", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

/** The only code in this service that touches the sites table. */
export class SiteRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** One query for any number of ids (DataLoader batches). */
  findByIds(ids: readonly string[]): Promise<Site[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.site.findMany({ where: { id: { in: valid } } });
  }

  list(filter: SiteFilter | null | undefined, page: PageRequest): Promise<ConnectionResult<Site>> {
    const where: Prisma.SiteWhereInput[] = [];
    if (filter?.region) where.push(withinRegion(filter.region));
    if (filter?.hostModel) where.push({ hostModel: filter.hostModel });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.demonstration !== undefined && filter.demonstration !== null) {
      where.push({ demonstration: filter.demonstration });
    }
    if (filter?.search) {
      where.push({
        OR: [
          { name: { contains: filter.search, mode: "insensitive" } },
          { address: { contains: filter.search, mode: "insensitive" } },
        ],
      });
    }
    return paginate<Site>(this.prisma.site, { where: { AND: where }, order: SITE_ORDER, page });
  }

  listWithinRegion(code: string, page: PageRequest): Promise<ConnectionResult<Site>> {
    return paginate<Site>(this.prisma.site, { where: withinRegion(code, "code"), order: SITE_ORDER, page });
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  findById(id: string): Promise<Site | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.site.findUnique({ where: { id } });
  }

  /** Writes a site and the first entry of its history, its status as registered. */
  async create(
    tx: Prisma.TransactionClient,
    site: Prisma.SiteUncheckedCreateInput,
    actor: { id: string | null; roles: string[] },
  ): Promise<Site> {
    const created = await tx.site.create({ data: site });
    await tx.siteTransition.create({
      data: {
        siteId: created.id,
        fromStatus: null,
        toStatus: created.status,
        actorId: actor.id,
        actorRoles: actor.roles,
        reason: "Registered",
      },
    });
    return created;
  }

  /** Changes a site's details; the site as it was (its county and name) and as it is, or null when there is none. */
  async update(
    tx: Prisma.TransactionClient,
    id: string,
    change: Prisma.SiteUpdateInput,
  ): Promise<{ before: { regionCode: string; name: string }; site: Site } | null> {
    const before = await tx.site.findUnique({ where: { id }, select: { regionCode: true, name: true } });
    if (!before) return null;
    return { before, site: await tx.site.update({ where: { id }, data: change }) };
  }
}
