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
import { appendActivityPublished } from "./activity.events.js";
import type { OccurrenceDates } from "./activity.recurrence.js";
import type { Activity, ActivityKind, Occurrence } from "./activity.type.js";

/** A home as campaigns knows it from sites' events: its county, city, name and status. */
export interface HomeRow {
  siteId: string;
  regionCode: string;
  cityCode: string;
  name: string;
  kind: string;
  status: string;
}

/** A day range (inclusive), as UTC-midnight days; either end may be open. */
export interface DayRange {
  from: Date | null;
  to: Date | null;
}

const OCCURRENCE_ORDER: readonly SqlOrderKey[] = [
  { field: "startsAt", direction: "asc", type: "timestamptz" },
  { field: "id", direction: "asc", type: "uuid" },
];
const ACTIVITY_ORDER: readonly SqlOrderKey[] = [
  { field: "startsOn", direction: "asc", type: "date" },
  { field: "id", direction: "asc", type: "uuid" },
];

/** What a new activity stores, once checked. */
export type NewActivity = Omit<Activity, "id" | "createdAt"> & { createdBy: string };

/** The city of a county (or the city itself). */
export function cityCodeOf(regionCode: string): string {
  const region = getRegion(regionCode);
  if (region?.level === "COUNTY") return region.parent!;
  return regionCode;
}

/** Where a region's occurrences (or homes) are: by city, by county, or everywhere for the province. */
function regionWhere(regionCode: string): { cityCode?: string; regionCode?: string } {
  const region = getRegion(regionCode);
  if (region?.level === "CITY") return { cityCode: regionCode };
  if (region?.level === "COUNTY") return { regionCode };
  return {};
}

function dayWhere(range: DayRange): Prisma.DateTimeFilter | undefined {
  if (!range.from && !range.to) return undefined;
  return { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lte: range.to } : {}) };
}

function daySql(column: Prisma.Sql, range: DayRange): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (range.from) parts.push(Prisma.sql`${column} >= ${range.from}::date`);
  if (range.to) parts.push(Prisma.sql`${column} <= ${range.to}::date`);
  return Prisma.join(parts, " AND ");
}

/** The only code in this service that touches the Activity, ActivityHome, Occurrence and Home tables. */
export class ActivityRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findHomes(siteIds: readonly string[]): Promise<HomeRow[]> {
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.home.findMany({ where: { siteId: { in: valid } } });
  }

  /**
   * Stores an activity, its homes (each one sites has announced: the resolver checks) and all of
   * its occurrences, in ONE transaction, with its announcement (activity.published).
   */
  async create(
    activity: NewActivity,
    homeIds: readonly string[],
    dates: OccurrenceDates[],
  ): Promise<Activity> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.activity.create({ data: activity });
      if (homeIds.length > 0) {
        await tx.activityHome.createMany({
          data: homeIds.map((siteId) => ({ activityId: created.id, siteId })),
        });
      }
      await tx.occurrence.createMany({
        data: dates.map((date) => ({
          activityId: created.id,
          ...date,
          kind: activity.kind,
          regionCode: activity.regionCode,
          cityCode: activity.cityCode,
        })),
      });
      await appendActivityPublished(tx, created, homeIds);
      return created;
    });
  }

  findByIds(ids: readonly string[]): Promise<Activity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.activity.findMany({ where: { id: { in: valid } } });
  }

  findOccurrences(ids: readonly string[]): Promise<Occurrence[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.occurrence.findMany({ where: { id: { in: valid } } });
  }

  /** The homes of many activities in one query. */
  homesOf(activityIds: readonly string[]): Promise<{ activityId: string; siteId: string }[]> {
    const valid = activityIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.activityHome.findMany({
      where: { activityId: { in: valid } },
      orderBy: [{ siteId: "asc" }],
    });
  }

  /** The calendar: occurrences by region, home, kind and day range, in time order. */
  calendar(
    filter: { region: string | null; homeId: string | null; kind: ActivityKind | null } & DayRange,
    page: PageRequest,
  ): Promise<ConnectionResult<Occurrence>> {
    const where: Prisma.OccurrenceWhereInput = {
      ...(filter.region ? regionWhere(filter.region) : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(dayWhere(filter) ? { date: dayWhere(filter) } : {}),
      ...(filter.homeId ? { activity: { homes: { some: { siteId: filter.homeId } } } } : {}),
    };
    return paginate<Occurrence>(this.prisma.occurrence, { where, order: OCCURRENCE_ORDER, page });
  }

  /**
   * The same page of occurrences of each of many activities within a day range, in
   * ONE query: a window function numbers each activity's occurrences in time order.
   */
  occurrencePages(
    activityIds: readonly string[],
    range: DayRange,
    page: PageRequest,
    countTotal: (activityId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Occurrence>>> {
    return pagesByParent<Occurrence>(this.prisma, {
      from: "Occurrence",
      parent: "activityId",
      order: OCCURRENCE_ORDER,
      where: daySql(Prisma.sql`"date"`, range),
      parentIds: activityIds,
      page,
      countTotal,
    });
  }

  /** How many occurrences each activity has within a day range: one grouped query. */
  async countOccurrences(activityIds: readonly string[], range: DayRange): Promise<Map<string, number>> {
    const valid = [...new Set(activityIds.filter(isUuid))];
    const counts = new Map<string, number>();
    if (valid.length === 0) return counts;
    const date = dayWhere(range);
    const groups = await this.prisma.occurrence.groupBy({
      by: ["activityId"],
      where: { activityId: { in: valid }, ...(date ? { date } : {}) },
      _count: { _all: true },
    });
    for (const group of groups) counts.set(group.activityId, group._count._all);
    return counts;
  }

  /**
   * The same page of the activities held at each of many homes with an occurrence
   * in a day range, in ONE query (a window function per home), by first day.
   */
  pagesBySite(
    siteIds: readonly string[],
    range: DayRange,
    page: PageRequest,
    countTotal: (siteId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Activity>>> {
    return pagesByParent<Activity & { siteId: string }, Activity>(this.prisma, {
      from: Prisma.sql`
        SELECT a.*, h."siteId"
        FROM "ActivityHome" h JOIN "Activity" a ON a."id" = h."activityId"
        WHERE EXISTS (SELECT 1 FROM "Occurrence" o WHERE o."activityId" = a."id" AND ${daySql(Prisma.sql`o."date"`, range)})`,
      parent: "siteId",
      order: ACTIVITY_ORDER,
      parentIds: siteIds,
      page,
      countTotal,
      toNode: ({ siteId: _siteId, ...activity }) => activity,
    });
  }

  /**
   * The same page of the occurrences held at each of many homes within a day range,
   * in ONE query (a window function per home), in time order.
   */
  occurrencePagesBySite(
    siteIds: readonly string[],
    range: DayRange,
    page: PageRequest,
    countTotal: (siteId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Occurrence>>> {
    return pagesByParent<Occurrence & { siteId: string }, Occurrence>(this.prisma, {
      from: Prisma.sql`
        SELECT o.*, h."siteId"
        FROM "ActivityHome" h JOIN "Occurrence" o ON o."activityId" = h."activityId"
        WHERE ${daySql(Prisma.sql`o."date"`, range)}`,
      parent: "siteId",
      order: OCCURRENCE_ORDER,
      parentIds: siteIds,
      page,
      countTotal,
      toNode: ({ siteId: _siteId, ...occurrence }) => occurrence,
    });
  }

  /** How many occurrences each home held within a day range: one grouped query. */
  async countOccurrencesBySite(siteIds: readonly string[], range: DayRange): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const rows = await this.prisma.$queryRaw<{ siteId: string; count: bigint }[]>`
      SELECT h."siteId", COUNT(*) AS "count"
      FROM "ActivityHome" h JOIN "Occurrence" o ON o."activityId" = h."activityId"
      WHERE h."siteId" = ANY(${valid}::uuid[]) AND ${daySql(Prisma.sql`o."date"`, range)}
      GROUP BY h."siteId"`;
    for (const row of rows) counts.set(row.siteId, Number(row.count));
    return counts;
  }

  /** The same page of the activities of each of many projects, in ONE query, by first day. */
  pagesByProject(
    projectIds: readonly string[],
    page: PageRequest,
    countTotal: (projectId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Activity>>> {
    return pagesByParent<Activity>(this.prisma, {
      from: "Activity",
      parent: "projectId",
      order: ACTIVITY_ORDER,
      parentIds: projectIds,
      page,
      countTotal,
    });
  }

  /** How many activities each project has: one grouped query. */
  async countByProject(projectIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(projectIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const groups = await this.prisma.activity.groupBy({
      by: ["projectId"],
      where: { projectId: { in: valid } },
      _count: { _all: true },
    });
    for (const group of groups) if (group.projectId) counts.set(group.projectId, group._count._all);
    return counts;
  }

  /** How many activities each home held within a day range: one grouped query. */
  async countBySite(siteIds: readonly string[], range: DayRange): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const rows = await this.prisma.$queryRaw<{ siteId: string; count: bigint }[]>`
      SELECT h."siteId", COUNT(*) AS "count"
      FROM "ActivityHome" h
      WHERE h."siteId" = ANY(${valid}::uuid[])
        AND EXISTS (SELECT 1 FROM "Occurrence" o WHERE o."activityId" = h."activityId" AND ${daySql(Prisma.sql`o."date"`, range)})
      GROUP BY h."siteId"`;
    for (const row of rows) counts.set(row.siteId, Number(row.count));
    return counts;
  }

  /**
   * Occurrences per county, kind and month of one year, for every region of the batch, in ONE
   * grouped query; the resolver sums the counties of each city (and of the province).
   */
  async countsByCounty(
    regionCodes: readonly string[],
    year: number,
  ): Promise<{ regionCode: string; cityCode: string; kind: ActivityKind; month: string; count: number }[]> {
    const cities = new Set<string>();
    const counties = new Set<string>();
    let province = false;
    for (const code of regionCodes) {
      const level = getRegion(code)?.level;
      if (level === "PROVINCE") province = true;
      else if (level === "CITY") cities.add(code);
      else if (level === "COUNTY") counties.add(code);
    }
    if (!province && cities.size + counties.size === 0) return [];
    const within = province
      ? Prisma.sql`TRUE`
      : Prisma.sql`(o."cityCode" = ANY(${[...cities]}::text[]) OR o."regionCode" = ANY(${[...counties]}::text[]))`;
    const rows = await this.prisma.$queryRaw<
      { regionCode: string; cityCode: string; kind: ActivityKind; month: string; count: bigint }[]
    >`
      SELECT o."regionCode", o."cityCode", o."kind"::text AS "kind", to_char(o."date", 'YYYY-MM') AS "month", COUNT(*) AS "count"
      FROM "Occurrence" o
      WHERE o."date" >= ${`${year}-01-01`}::date AND o."date" <= ${`${year}-12-31`}::date AND ${within}
      GROUP BY 1, 2, 3, 4`;
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** Homes in a region that held no occurrence within a day range, by id, a page at a time. */
  idleHomes(regionCode: string, range: DayRange, page: PageRequest): Promise<ConnectionResult<HomeRow>> {
    const date = dayWhere(range);
    return paginate<HomeRow>(this.prisma.home, {
      where: {
        ...regionWhere(regionCode),
        activities: { none: { activity: { occurrences: { some: date ? { date } : {} } } } },
      },
      order: [{ field: "siteId", direction: "asc" }],
      page,
    });
  }

  /**
   * The same page of the activities each of many volunteers is registered for (a
   * place or the waiting list), in ONE query, by first day.
   */
  pagesByVolunteer(
    volunteerIds: readonly string[],
    page: PageRequest,
    countTotal: (volunteerId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Activity>>> {
    return pagesByParent<Activity & { volunteerId: string }, Activity>(this.prisma, {
      from: Prisma.sql`
        SELECT a.*, v."volunteerId"
        FROM (SELECT DISTINCT r."volunteerId", r."activityId" FROM "Registration" r WHERE r."status" <> 'CANCELLED') v
        JOIN "Activity" a ON a."id" = v."activityId"`,
      parent: "volunteerId",
      order: ACTIVITY_ORDER,
      parentIds: volunteerIds,
      page,
      countTotal,
      toNode: ({ volunteerId: _volunteerId, ...activity }) => activity,
    });
  }
}
