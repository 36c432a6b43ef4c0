import { allRegions, getRegion, isWithin } from "@lamplight/regions";
import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { OrganisationFilter } from "./organisation.inputs.js";
import type { Organisation } from "./organisation.type.js";

/** The stable list order: by name, then id so that equal names still page deterministically. */
const ORGANISATION_ORDER = [
  { field: "name", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

/**
 * `where` for the organisations based in a region or below it. Organisations sit at any level (a
 * provincial department, a city newspaper, a county school), so this is a list of codes, not a
 * column per level; the province needs no condition at all.
 */
function basedWithin(code: string): Prisma.OrganisationWhereInput {
  const region = getRegion(code);
  // The resolver refuses a code that is not a region; none is based there.
  if (!region) return { id: { in: [] } };
  if (region.level === "PROVINCE") return {};
  const codes = allRegions()
    .filter((candidate) => isWithin(candidate.code, code))
    .map((candidate) => candidate.code);
  return { regionCode: { in: codes } };
}

/** The only code in this service that touches the Organisation table. */
export class OrganisationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** One query for any number of ids (DataLoader batches); ids that are not UUIDs match nothing. */
  findByIds(ids: readonly string[]): Promise<Organisation[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.organisation.findMany({ where: { id: { in: valid } } });
  }

  list(
    filter: OrganisationFilter | null | undefined,
    page: PageRequest,
  ): Promise<ConnectionResult<Organisation>> {
    const where: Prisma.OrganisationWhereInput[] = [];
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.region) where.push(basedWithin(filter.region));
    if (filter?.search) where.push({ name: { contains: filter.search, mode: "insensitive" } });
    return paginate<Organisation>(this.prisma.organisation, {
      where: { AND: where },
      order: ORGANISATION_ORDER,
      page,
    });
  }
}
