import { getRegion } from "@lamplight/regions";
import { isUuid } from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { Need, NeedCategory } from "./need.type.js";

/** Children with a need of one category, per county (the cityCode comes along for the city-level sums). */
export interface CountyNeedCount {
  regionCode: string;
  cityCode: string;
  category: NeedCategory;
  children: number;
  /** Of them, the children whose guardian consented to statistics. */
  consenting: number;
}

/** The code that reads the Need table. (Needs are written with their child: StudentRepository.register.) */
export class NeedRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Every need of the given children in one query, newest assessment first. */
  findByStudentIds(studentIds: readonly string[]): Promise<Need[]> {
    const valid = studentIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.need.findMany({
      where: { studentId: { in: valid } },
      orderBy: [{ studentId: "asc" }, { assessedOn: "desc" }, { category: "asc" }],
    });
  }

  /**
   * How many children in each county of the given regions have at least one need of each category,
   * in one query. A child assessed twice in one category counts once (DISTINCT); since every child
   * lives in exactly one county, the per-county counts add up to city and province totals.
   */
  async countChildrenByCounty(regionCodes: readonly string[]): Promise<CountyNeedCount[]> {
    const regions = regionCodes.map((code) => getRegion(code)).filter((region) => region !== undefined);
    if (regions.length === 0) return [];
    let within = Prisma.sql`TRUE`;
    if (!regions.some((region) => region.level === "PROVINCE")) {
      const cities = regions.filter((region) => region.level === "CITY").map((region) => region.code);
      const counties = regions.filter((region) => region.level === "COUNTY").map((region) => region.code);
      within = Prisma.sql`(s."cityCode" = ANY(${cities}::text[]) OR s."regionCode" = ANY(${counties}::text[]))`;
    }
    const rows = await this.prisma.$queryRaw<
      { regionCode: string; cityCode: string; category: NeedCategory; children: number; consenting: number }[]
    >`
      SELECT s."regionCode", s."cityCode", n."category"::text AS "category",
             COUNT(DISTINCT n."studentId")::int AS "children",
             COUNT(DISTINCT n."studentId") FILTER (WHERE s."consentStatistics")::int AS "consenting"
      FROM "Need" n
      JOIN "Student" s ON s."id" = n."studentId"
      WHERE ${within}
      GROUP BY s."regionCode", s."cityCode", n."category"`;
    return rows.map((row) => ({
      ...row,
      children: Number(row.children),
      consenting: Number(row.consenting),
    }));
  }
}
