import { getRegion, isoDay } from "@lamplight/regions";
import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { StudentFilter } from "./student.inputs.js";
import type { StudentScope } from "./student.policy.js";
import { livingWithin, regionsWhere, scopeWhere } from "./student.scope.js";
import type { Student } from "./student.type.js";

/** The stable list order: by name, then id so that equal names still page deterministically. */
const STUDENT_ORDER: readonly SqlOrderKey[] = [
  { field: "name", direction: "asc", type: "text" },
  { field: "id", direction: "asc", type: "uuid" },
];

/** The same rule as scopeWhere, as SQL on the "Student" table, for the batched queries Prisma cannot express. */
function scopeSql(scope: StudentScope): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  const any: Prisma.Sql[] = [];
  if (scope.cities.length > 0) any.push(Prisma.sql`"cityCode" = ANY(${scope.cities}::text[])`);
  if (scope.counties.length > 0) any.push(Prisma.sql`"regionCode" = ANY(${scope.counties}::text[])`);
  if (scope.siteIds.length > 0) any.push(Prisma.sql`"siteId" = ANY(${scope.siteIds}::uuid[])`);
  if (scope.studentIds.length > 0) any.push(Prisma.sql`"id" = ANY(${scope.studentIds}::uuid[])`);
  return any.length > 0 ? Prisma.sql`(${Prisma.join(any, " OR ")})` : Prisma.sql`FALSE`;
}

/** The unique index that allows one assessment of a need's category per child and day. */
export const ONE_NEED_PER_DAY = "Need_studentId_category_assessedOn_key";

/** What a registration is, once checked: the stored columns of the child and their needs. */
export type StudentRegistration = Omit<
  Prisma.StudentUncheckedCreateInput,
  "id" | "needs" | "birthDate" | "createdAt" | "updatedAt"
> & {
  birthDate: Date;
  needs: Omit<Prisma.NeedCreateManyInput, "id" | "studentId" | "createdAt">[];
};

/** How many children live in each county (the cityCode comes along for the city-level sums). */
export interface CountyCount {
  regionCode: string;
  cityCode: string;
  count: number;
  /** Of them, the children whose guardian consented to statistics. */
  consenting: number;
}

/** A home's children, those who consented to statistics, and the counties they live in. */
export interface SiteCount {
  all: number;
  consenting: number;
  regionCodes: string[];
}

/** Children who consented to statistics, in one county and one home (null: attending none). */
export interface CountySiteCount {
  regionCode: string;
  siteId: string | null;
  count: number;
}

/** The only code in this service that touches the Student table (and Need, when a child is registered). */
export class StudentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** One query for any number of ids (DataLoader batches). */
  findByIds(ids: readonly string[]): Promise<Student[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.student.findMany({ where: { id: { in: valid } } });
  }

  list(
    scope: StudentScope,
    filter: StudentFilter | null | undefined,
    page: PageRequest,
  ): Promise<ConnectionResult<Student>> {
    const where: Prisma.StudentWhereInput[] = [scopeWhere(scope)];
    if (filter?.region) where.push(livingWithin(filter.region, "filter.region"));
    if (filter?.siteId) where.push({ siteId: filter.siteId });
    return paginate<Student>(this.prisma.student, { where: { AND: where }, order: STUDENT_ORDER, page });
  }

  /**
   * The same page of children for each of many homes, in ONE query, in the list's order. Without
   * it, a list of 50 homes would send 50 queries.
   */
  pagesBySite(
    siteIds: readonly string[],
    scope: StudentScope,
    page: PageRequest,
    countTotal: (siteId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Student>>> {
    return pagesByParent<Student>(this.prisma, {
      from: "Student",
      parent: "siteId",
      order: STUDENT_ORDER,
      where: scopeSql(scope),
      parentIds: siteIds,
      page,
      countTotal,
    });
  }

  /** How many children attend each home, in one query; `scope` limits it to the children a principal may see. */
  async countBySite(siteIds: readonly string[], scope: StudentScope | null): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const groups = await this.prisma.student.groupBy({
      by: ["siteId"],
      where: { AND: [{ siteId: { in: valid } }, scope ? scopeWhere(scope) : {}] },
      _count: { _all: true },
    });
    for (const group of groups) if (group.siteId) counts.set(group.siteId, group._count._all);
    return counts;
  }

  /** How many children attend each home, all and those counted in statistics, in one query. */
  async countBySiteWithConsent(siteIds: readonly string[]): Promise<Map<string, SiteCount>> {
    const counts = new Map<string, SiteCount>();
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const groups = await this.prisma.student.groupBy({
      by: ["siteId", "regionCode", "consentStatistics"],
      where: { siteId: { in: valid } },
      _count: { _all: true },
    });
    for (const group of groups) {
      if (!group.siteId) continue;
      const entry = counts.get(group.siteId) ?? { all: 0, consenting: 0, regionCodes: [] };
      entry.all += group._count._all;
      if (group.consentStatistics) entry.consenting += group._count._all;
      if (!entry.regionCodes.includes(group.regionCode)) entry.regionCodes.push(group.regionCode);
      counts.set(group.siteId, entry);
    }
    return counts;
  }

  /**
   * The province's children who consented to statistics, by county and home (null: none): the one
   * GROUP BY behind every published figure of children (region.figures.ts).
   */
  async countConsentingByCountyAndSite(): Promise<CountySiteCount[]> {
    const groups = await this.prisma.student.groupBy({
      by: ["regionCode", "siteId"],
      where: { consentStatistics: true },
      _count: { _all: true },
    });
    return groups.map((group) => ({
      regionCode: group.regionCode,
      siteId: group.siteId,
      count: group._count._all,
    }));
  }

  /**
   * How many children live in each county of the given regions, in one query. A county's children
   * are in its own row; a city's are the sum of its counties; the province's are every row.
   */
  async countByCounty(regionCodes: readonly string[]): Promise<CountyCount[]> {
    const groups = await this.prisma.student.groupBy({
      by: ["regionCode", "cityCode", "consentStatistics"],
      where: regionsWhere(regionCodes),
      _count: { _all: true },
    });
    const byCounty = new Map<string, CountyCount>();
    for (const group of groups) {
      const row = byCounty.get(group.regionCode) ?? {
        regionCode: group.regionCode,
        cityCode: group.cityCode,
        count: 0,
        consenting: 0,
      };
      row.count += group._count._all;
      if (group.consentStatistics) row.consenting += group._count._all;
      byCounty.set(group.regionCode, row);
    }
    return [...byCounty.values()];
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /** Holds the lock of one child's identity (name, birth date and county) until the transaction ends. */
  async lockIdentity(
    tx: Prisma.TransactionClient,
    student: { name: string; birthDate: Date; regionCode: string },
  ): Promise<void> {
    const identity = `${student.name}|${isoDay(student.birthDate)}|${student.regionCode}`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${identity}))`;
  }

  /** The ids of the children registered with this name, birth date and county, oldest first. */
  async sameIdentity(
    tx: Prisma.TransactionClient,
    student: { name: string; birthDate: Date; regionCode: string },
  ): Promise<string[]> {
    const rows = await tx.student.findMany({
      where: { name: student.name, birthDate: student.birthDate, regionCode: student.regionCode },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(({ id }) => id);
  }

  /** Writes a child, their guardian (the first of the child's guardians) and their needs. */
  async create(tx: Prisma.TransactionClient, registration: StudentRegistration): Promise<Student> {
    const { needs, ...student } = registration;
    const created = await tx.student.create({ data: student });
    await tx.guardian.create({
      data: {
        studentId: created.id,
        name: student.guardianName,
        relationship: student.guardianRelationship,
        phone: student.guardianPhone ?? null,
        livesWithChild: true,
        isPrimary: true,
      },
    });
    if (needs.length > 0) {
      await tx.need.createMany({ data: needs.map((need) => ({ ...need, studentId: created.id })) });
    }
    return created;
  }
}

/** The children of one region among per-county counts: its own row, its counties' rows, or all of them. */
export function sumWithin<Row extends { regionCode: string; cityCode: string }>(
  code: string,
  rows: readonly Row[],
  value: (row: Row) => number,
): number {
  const region = getRegion(code);
  if (!region) return 0;
  return rows
    .filter(
      (row) =>
        region.level === "PROVINCE" ||
        (region.level === "CITY" ? row.cityCode === code : row.regionCode === code),
    )
    .reduce((total, row) => total + value(row), 0);
}
