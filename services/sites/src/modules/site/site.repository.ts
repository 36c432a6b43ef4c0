import { SiteEventType } from "@lamplight/events";
import { BadUserInputError } from "@lamplight/platform";
import { cityOf, getRegion } from "@lamplight/regions";
import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { appendSiteEvents } from "./site.events.js";
import type { CreateSiteInput, SiteFilter, UpdateSiteInput } from "./site.inputs.js";
import type { Site } from "./site.type.js";

/** The stable list order: by name, then id so that equal names still page deterministically. */
const SITE_ORDER = [
  { field: "name", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

/** `where` for the homes inside a region at any level. */
export function withinRegion(code: string, field = "filter.region"): Prisma.SiteWhereInput {
  const region = getRegion(code);
  if (!region) throw new BadUserInputError(`${field} "${code}" is not a region of the province`, { field });
  if (region.level === "PROVINCE") return {};
  return region.level === "CITY" ? { cityCode: code } : { regionCode: code };
}

/** A county-level region code for a home, or BAD_USER_INPUT naming the field. */
export function requireCounty(code: string, field: string): { regionCode: string; cityCode: string } {
  const region = getRegion(code);
  if (region?.level !== "COUNTY") {
    throw new BadUserInputError(`${field} "${code}" is not a county-level region of the province`, { field });
  }
  return { regionCode: code, cityCode: cityOf(code)!.code };
}

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

  /**
   * Registers a site and starts its history with its first status, in one transaction. A site is
   * usually registered as PROPOSED; one that already exists in the world may be registered in the
   * status it has (say OPEN), which its history records as its starting point.
   */
  create(input: CreateSiteInput, actor: { id: string | null; roles: string[] }): Promise<Site> {
    return this.prisma.$transaction(async (tx) => {
      const site = await tx.site.create({
        data: {
          name: input.name.trim(),
          ...requireCounty(input.regionCode, "input.regionCode"),
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
      });
      await tx.siteTransition.create({
        data: {
          siteId: site.id,
          fromStatus: null,
          toStatus: site.status,
          actorId: actor.id,
          actorRoles: actor.roles,
          reason: "Registered",
        },
      });
      await appendSiteEvents(tx, SiteEventType.REGISTERED, [site.id]);
      return site;
    });
  }

  /** Returns null when no home has this id. */
  async update(id: string, input: UpdateSiteInput): Promise<Site | null> {
    if (!isUuid(id)) return null;
    const data: Prisma.SiteUpdateInput = {};
    if (input.name != null) data.name = input.name.trim();
    if (input.regionCode != null) Object.assign(data, requireCounty(input.regionCode, "input.regionCode"));
    if (input.address != null) data.address = input.address.trim();
    if (input.location !== undefined) {
      data.latitude = input.location?.latitude ?? null;
      data.longitude = input.location?.longitude ?? null;
    }
    if (input.hostModel != null) data.hostModel = input.hostModel;
    if (input.demonstration != null) data.demonstration = input.demonstration;
    if (input.capacity != null) data.capacity = input.capacity;
    if (input.openedOn !== undefined) data.openedOn = input.openedOn;
    if (Object.keys(data).length === 0) return this.prisma.site.findUnique({ where: { id } });
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.site.findUnique({ where: { id }, select: { regionCode: true, name: true } });
      if (!before) return null;
      const site = await tx.site.update({ where: { id }, data });
      // Consumers keep a home's county and name: they hear of a change to either, and of nothing else.
      if (site.regionCode !== before.regionCode) await appendSiteEvents(tx, SiteEventType.MOVED, [id]);
      else if (site.name !== before.name) await appendSiteEvents(tx, SiteEventType.CHANGED, [id]);
      return site;
    });
  }
}
