import { StudentEventType } from "@lamplight/events";
import { BadUserInputError, ConflictError } from "@lamplight/platform";
import { cityOf, getRegion, isoDay } from "@lamplight/regions";
import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { appendStudentEvents } from "./student.events.js";
import type { StudentFilter } from "./student.inputs.js";
import type { StudentScope } from "./student.policy.js";
import type { Student } from "./student.type.js";

/** The stable list order: by name, then id so that equal names still page deterministically. */
const STUDENT_ORDER: readonly SqlOrderKey[] = [
  { field: "name", direction: "asc", type: "text" },
  { field: "id", direction: "asc", type: "uuid" },
];

/** `where` for the children living inside a region at any level. */
export function livingWithin(code: string, field: string): Prisma.StudentWhereInput {
  const region = getRegion(code);
  if (!region) throw new BadUserInputError(`${field} "${code}" is not a region of the province`, { field });
  if (region.level === "PROVINCE") return {};
  return region.level === "CITY" ? { cityCode: code } : { regionCode: code };
}

/** A county-level region code for a child, or BAD_USER_INPUT naming the field. */
export function requireCounty(code: string, field: string): { regionCode: string; cityCode: string } {
  const region = getRegion(code);
  if (region?.level !== "COUNTY") {
    throw new BadUserInputError(`${field} "${code}" is not a county-level region of the province`, { field });
  }
  return { regionCode: code, cityCode: cityOf(code)!.code };
}

/** The children a scope lets a principal see, as a Prisma `where`. */
export function scopeWhere(scope: StudentScope): Prisma.StudentWhereInput {
  if (scope.all) return {};
  const any: Prisma.StudentWhereInput[] = [];
  if (scope.cities.length > 0) any.push({ cityCode: { in: scope.cities } });
  if (scope.counties.length > 0) any.push({ regionCode: { in: scope.counties } });
  if (scope.siteIds.length > 0) any.push({ siteId: { in: scope.siteIds } });
  if (scope.studentIds.length > 0) any.push({ id: { in: scope.studentIds } });
  return any.length > 0 ? { OR: any } : { id: { in: [] } };
}

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

  /**
   * Registers a child with their needs in ONE transaction: both rows or neither. A child with the
   * same name, birth date and county counts as a possible duplicate and is refused with CONFLICT
   * (listing the existing ids) unless `confirmDuplicate` says the clerk has checked.
   */
  async register(
    registration: StudentRegistration,
    options: { confirmDuplicate: boolean },
  ): Promise<Student> {
    const { needs, ...student } = registration;
    return this.prisma.$transaction(async (tx) => {
      // Two clerks registering the same child at once must not both pass the duplicate check: the
      // lock (held until commit) serialises registrations of one name, birth date and county.
      const identity = `${student.name}|${isoDay(student.birthDate)}|${student.regionCode}`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${identity}))`;
      if (!options.confirmDuplicate) {
        const duplicates = await tx.student.findMany({
          where: { name: student.name, birthDate: student.birthDate, regionCode: student.regionCode },
          select: { id: true },
          orderBy: { createdAt: "asc" },
        });
        if (duplicates.length > 0) {
          throw new ConflictError(
            "A child with this name and birth date is already registered in this county; check, then register again with confirmDuplicate: true if this is another child",
            { duplicates: duplicates.map(({ id }) => id) },
          );
        }
      }
      const created = await tx.student.create({ data: student });
      // The guardian on the child's own record is also the first of the child's guardians.
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
      await appendStudentEvents(tx, StudentEventType.REGISTERED, [created.id]);
      return created;
    });
  }
}

/** `where` for the children in any of the given regions; the province means every child. */
export function regionsWhere(regionCodes: readonly string[]): Prisma.StudentWhereInput {
  const regions = regionCodes.map((code) => getRegion(code)).filter((region) => region !== undefined);
  if (regions.some((region) => region.level === "PROVINCE")) return {};
  const cities = regions.filter((region) => region.level === "CITY").map((region) => region.code);
  const counties = regions.filter((region) => region.level === "COUNTY").map((region) => region.code);
  const any: Prisma.StudentWhereInput[] = [];
  if (cities.length > 0) any.push({ cityCode: { in: cities } });
  if (counties.length > 0) any.push({ regionCode: { in: counties } });
  return any.length > 0 ? { OR: any } : { id: { in: [] } };
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
