import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { Site } from "../site/site.type.js";
import type { AssessSiteInput, SelectExcellentHomesInput } from "./assessment.inputs.js";
import type { Assessment, AssessmentCriterion, AssessmentScore, ExcellentHome } from "./assessment.type.js";

const ASSESSMENT_ORDER: readonly SqlOrderKey[] = [
  { field: "year", direction: "asc", type: "int" },
  { field: "id", direction: "asc", type: "uuid" },
];

/** The unique index that allows one assessment per home, year and level. */
export const ONE_ASSESSMENT_PER_LEVEL = "Assessment_siteId_year_level_key";

export interface HomeScore {
  siteId: string;
  /** Mean of the year's totals. */
  score: number;
  assessments: number;
}

/** Assessments, their scores and the excellent homes: the only code touching those tables. */
export class AssessmentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  criteria(): Promise<AssessmentCriterion[]> {
    return this.prisma.assessmentCriterion.findMany({ orderBy: { position: "asc" } });
  }

  pages(
    siteIds: readonly string[],
    page: PageRequest,
    countTotal: (id: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Assessment>>> {
    return pagesByParent<Assessment>(this.prisma, {
      // Enums are read as text: raw queries return their values as strings.
      from: Prisma.sql`SELECT "id", "siteId", "year", "level"::text AS "level", "total", "comments", "assessorId", "createdAt" FROM "Assessment"`,
      parent: "siteId",
      order: ASSESSMENT_ORDER,
      parentIds: siteIds,
      page,
      countTotal,
    });
  }

  async counts(siteIds: readonly string[]): Promise<Map<string, number>> {
    const valid = [...new Set(siteIds.filter(isUuid))];
    const groups = valid.length
      ? await this.prisma.assessment.groupBy({
          by: ["siteId"],
          where: { siteId: { in: valid } },
          _count: { _all: true },
        })
      : [];
    return new Map(groups.map((group) => [group.siteId, group._count._all]));
  }

  scoresOf(assessmentIds: readonly string[]): Promise<AssessmentScore[]> {
    const valid = assessmentIds.filter(isUuid);
    return valid.length
      ? this.prisma.assessmentScore.findMany({ where: { assessmentId: { in: valid } } })
      : Promise.resolve([]);
  }

  excellentYears(siteIds: readonly string[]): Promise<{ siteId: string; year: number }[]> {
    const valid = [...new Set(siteIds.filter(isUuid))];
    return valid.length
      ? this.prisma.excellentHome.findMany({
          where: { siteId: { in: valid } },
          select: { siteId: true, year: true },
          orderBy: { year: "asc" },
        })
      : Promise.resolve([]);
  }

  /** Writes an assessment with one score per criterion (`scores` by criterion code), in one statement. */
  create(
    site: Site,
    input: AssessSiteInput,
    scores: ReadonlyMap<string, number>,
    assessorId: string | null,
  ): Promise<Assessment> {
    return this.prisma.assessment.create({
      data: {
        siteId: site.id,
        cityCode: `${site.regionCode.slice(0, 4)}00`,
        year: input.year,
        level: input.level,
        total: [...scores.values()].reduce((sum, score) => sum + score, 0),
        comments: input.comments.trim(),
        assessorId,
        scores: {
          create: [...scores].map(([criterionCode, score]) => ({ criterionCode, score })),
        },
      },
    });
  }

  /** Each assessed home's score in a year within a city (the province when `cityCode` is null), best first. */
  async yearScores(year: number, cityCode: string | null): Promise<HomeScore[]> {
    const within = cityCode ? Prisma.sql`AND "cityCode" = ${cityCode}` : Prisma.empty;
    const rows = await this.prisma.$queryRaw<{ siteId: string; score: number; assessments: bigint }[]>`
      SELECT "siteId", AVG("total")::float8 AS "score", COUNT(*) AS "assessments"
      FROM "Assessment" WHERE "year" = ${year} ${within}
      GROUP BY "siteId"
      ORDER BY "score" DESC, "siteId" ASC`;
    return rows.map((row) => ({
      siteId: row.siteId,
      score: Number(row.score),
      assessments: Number(row.assessments),
    }));
  }

  async excellentSiteIds(year: number, siteIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.prisma.excellentHome.findMany({
      where: { year, siteId: { in: [...siteIds] } },
      select: { siteId: true },
    });
    return new Set(rows.map((row) => row.siteId));
  }

  /** The statuses of these homes, and which of them were assessed in a year. */
  async selectionFacts(
    year: number,
    siteIds: readonly string[],
  ): Promise<{ sites: { id: string; status: string }[]; assessed: Set<string> }> {
    const [sites, assessed] = await Promise.all([
      this.prisma.site.findMany({ where: { id: { in: [...siteIds] } }, select: { id: true, status: true } }),
      this.prisma.assessment.findMany({
        where: { year, siteId: { in: [...siteIds] } },
        select: { siteId: true },
      }),
    ]);
    return { sites, assessed: new Set(assessed.map((row) => row.siteId)) };
  }

  /**
   * Writes the year's excellent homes, in one transaction; a home already selected for the year
   * keeps its first selection. All of the given homes' selections for the year.
   */
  selectExcellent(input: SelectExcellentHomesInput, selectedBy: string | null): Promise<ExcellentHome[]> {
    return this.prisma.$transaction(async (tx) => {
      await tx.excellentHome.createMany({
        data: input.siteIds.map((siteId) => ({
          year: input.year,
          siteId,
          citation: input.citation.trim(),
          selectedBy,
        })),
        skipDuplicates: true,
      });
      return tx.excellentHome.findMany({
        where: { year: input.year, siteId: { in: input.siteIds } },
        orderBy: { siteId: "asc" },
      });
    });
  }

  excellentHomes(year: number, page: PageRequest): Promise<ConnectionResult<ExcellentHome>> {
    return paginate<ExcellentHome>(this.prisma.excellentHome, {
      where: { year },
      order: [{ field: "siteId", direction: "asc" }],
      page,
    });
  }
}
