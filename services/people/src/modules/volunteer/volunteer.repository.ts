import { getRegion } from "@lamplight/regions";
import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { VolunteerFilter } from "./volunteer.inputs.js";
import { volunteersWithin } from "./volunteer.scope.js";
import type { ServiceLog, Training, Volunteer, VolunteerKind } from "./volunteer.type.js";

export const VOLUNTEER_ORDER = [
  { field: "name", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

const SERVICE_LOG_ORDER: readonly SqlOrderKey[] = [
  { field: "servedOn", direction: "desc", type: "date" },
  { field: "id", direction: "desc", type: "uuid" },
];

export type VolunteerRegistration = Omit<
  Prisma.VolunteerUncheckedCreateInput,
  "id" | "status" | "createdAt" | "statusChangedAt"
>;

/** Active volunteers per county and kind (cityCode along for the city sums). */
export interface CountyKindCount {
  regionCode: string;
  cityCode: string;
  kind: VolunteerKind;
  count: number;
}

/** The only code that touches Volunteer, VolunteerTraining and ServiceLog. */
export class VolunteerRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<Volunteer[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.volunteer.findMany({ where: { id: { in: valid } } });
  }

  list(
    scope: { all: boolean; region: string | null },
    filter: VolunteerFilter | null | undefined,
    page: PageRequest,
  ): Promise<ConnectionResult<Volunteer>> {
    const where: Prisma.VolunteerWhereInput[] = [];
    if (!scope.all) where.push(scope.region ? volunteersWithin(scope.region, "scope") : { id: { in: [] } });
    if (filter?.region) where.push(volunteersWithin(filter.region, "filter.region"));
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.skill) where.push({ skills: { has: filter.skill } });
    return paginate<Volunteer>(this.prisma.volunteer, {
      where: { AND: where },
      order: VOLUNTEER_ORDER,
      page,
    });
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  create(tx: Prisma.TransactionClient, data: VolunteerRegistration): Promise<Volunteer> {
    return tx.volunteer.create({ data });
  }

  /** A volunteer's status, or null when there is no such volunteer. */
  async statusOf(tx: Prisma.TransactionClient, id: string): Promise<Volunteer["status"] | null> {
    const current = await tx.volunteer.findUnique({ where: { id }, select: { status: true } });
    return current?.status ?? null;
  }

  /** Moves a volunteer from the status `from` to `to` with the changes given; false when it was no longer `from`. */
  async moveStatus(
    tx: Prisma.TransactionClient,
    id: string,
    from: Volunteer["status"],
    to: Volunteer["status"],
    changes: Prisma.VolunteerUpdateManyMutationInput,
  ): Promise<boolean> {
    const { count } = await tx.volunteer.updateMany({
      where: { id, status: from },
      data: { ...changes, status: to, statusChangedAt: new Date() },
    });
    return count > 0;
  }

  /** Ends every open pairing of a volunteer. */
  async endPairings(tx: Prisma.TransactionClient, volunteerId: string, endedOn: Date, endReason: string) {
    await tx.pairing.updateMany({ where: { volunteerId, endedOn: null }, data: { endedOn, endReason } });
  }

  find(tx: Prisma.TransactionClient, id: string): Promise<Volunteer> {
    return tx.volunteer.findUniqueOrThrow({ where: { id } });
  }

  update(id: string, data: Prisma.VolunteerUpdateInput): Promise<Volunteer> {
    return this.prisma.volunteer.update({ where: { id }, data });
  }

  addTraining(data: Prisma.VolunteerTrainingUncheckedCreateInput): Promise<Training> {
    return this.prisma.volunteerTraining.create({ data });
  }

  /** Every training of the given volunteers in one query, most recent first. */
  trainingsOf(volunteerIds: readonly string[]): Promise<Training[]> {
    const valid = volunteerIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.volunteerTraining.findMany({
      where: { volunteerId: { in: valid } },
      orderBy: [{ volunteerId: "asc" }, { completedOn: "desc" }, { id: "asc" }],
    });
  }

  logService(data: Prisma.ServiceLogUncheckedCreateInput): Promise<ServiceLog> {
    return this.prisma.serviceLog.create({ data });
  }

  /** A page of service logs per volunteer, newest first, for a batch of volunteers in one query. */
  serviceLogPages(
    volunteerIds: readonly string[],
    page: PageRequest,
    countTotal: (volunteerId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<ServiceLog>>> {
    return pagesByParent<ServiceLog>(this.prisma, {
      from: "ServiceLog",
      parent: "volunteerId",
      order: SERVICE_LOG_ORDER,
      parentIds: volunteerIds,
      page,
      countTotal,
    });
  }

  /** Logged minutes and number of logs per volunteer, in one query. */
  async loggedTotals(
    volunteerIds: readonly string[],
  ): Promise<Map<string, { minutes: number; logs: number }>> {
    const valid = [...new Set(volunteerIds.filter(isUuid))];
    const totals = new Map<string, { minutes: number; logs: number }>();
    if (valid.length === 0) return totals;
    const groups = await this.prisma.serviceLog.groupBy({
      by: ["volunteerId"],
      where: { volunteerId: { in: valid } },
      _sum: { minutes: true },
      _count: { _all: true },
    });
    for (const group of groups) {
      totals.set(group.volunteerId, { minutes: group._sum.minutes ?? 0, logs: group._count._all });
    }
    return totals;
  }

  /** Active volunteers per county and kind within the given regions, in one query. */
  async countActiveByCountyAndKind(regionCodes: readonly string[]): Promise<CountyKindCount[]> {
    const regions = regionCodes.map((code) => getRegion(code)).filter((region) => region !== undefined);
    if (regions.length === 0) return [];
    const any: Prisma.VolunteerWhereInput[] = [];
    if (!regions.some((region) => region.level === "PROVINCE")) {
      const cities = regions.filter((region) => region.level === "CITY").map((region) => region.code);
      const counties = regions.filter((region) => region.level === "COUNTY").map((region) => region.code);
      if (cities.length > 0) any.push({ cityCode: { in: cities } });
      if (counties.length > 0) any.push({ regionCode: { in: counties } });
    }
    const groups = await this.prisma.volunteer.groupBy({
      by: ["regionCode", "cityCode", "kind"],
      where: { status: "ACTIVE", ...(any.length > 0 ? { OR: any } : {}) },
      _count: { _all: true },
    });
    return groups.map((group) => ({
      regionCode: group.regionCode,
      cityCode: group.cityCode,
      kind: group.kind,
      count: group._count._all,
    }));
  }

  countServiceLogs(volunteerId: string): Promise<number> {
    return this.prisma.serviceLog.count({ where: { volunteerId } });
  }
}
