import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { pagesByParent } from "../../paging.js";
import type { Site } from "../site/site.type.js";
import type { AssessSiteInput, SelectExcellentHomesInput } from "./assessment.inputs.js";
import type { Assessment, AssessmentCriterion, AssessmentScore, ExcellentHome } from "./assessment.type.js";

export const ASSESSMENT_ORDER = [
  { field: "year", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

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

  pages(siteIds: readonly string[], page: PageRequest): Promise<Map<string, Assessment[]>> {
    return pagesByParent<Assessment & Record<string, unknown>>(
      this.prisma,
      {
        table: "Assessment",
        parentColumn: "siteId",
        columns: `"id", "siteId", "year", "level"::text AS "level", "total", "comments", "assessorId", "createdAt"`,
        orderColumn: "year",
        orderKind: "int",
      },
      siteIds,
      page,
    );
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

  /** Records an assessment with one score per criterion, in one statement; once per home, year and level. */
  async assess(
    site: Site & { cityCode?: string },
    input: AssessSiteInput,
    assessorId: string | null,
  ): Promise<Assessment> {
    if (input.level === "PROVINCE") {
      throw new BadUserInputError("Homes are assessed at the county and the city level", {
        field: "input.level",
      });
    }
    if (input.year > new Date().getUTCFullYear()) {
      throw new BadUserInputError(`input.year ${input.year} has not begun`, { field: "input.year" });
    }
    if (site.status !== "OPEN" && site.status !== "SUSPENDED") {
      throw new BadUserInputError(
        `A home that is ${site.status} is not assessed; it must be OPEN or SUSPENDED`,
        {
          field: "siteId",
          currentStatus: site.status,
        },
      );
    }
    const criteria = await this.criteria();
    const given = new Map(input.scores.map((entry) => [entry.criterionCode, entry.score]));
    if (
      given.size !== input.scores.length ||
      given.size !== criteria.length ||
      criteria.some((c) => !given.has(c.code))
    ) {
      throw new BadUserInputError(
        `input.scores must score each criterion once: ${criteria.map((c) => c.code).join(", ")}`,
        {
          field: "input.scores",
        },
      );
    }
    const over = criteria.find((criterion) => given.get(criterion.code)! > criterion.maxScore);
    if (over) {
      throw new BadUserInputError(`input.scores: ${over.code} is scored out of ${over.maxScore}`, {
        field: "input.scores",
      });
    }
    try {
      return await this.prisma.assessment.create({
        data: {
          siteId: site.id,
          cityCode: `${site.regionCode.slice(0, 4)}00`,
          year: input.year,
          level: input.level,
          total: [...given.values()].reduce((sum, score) => sum + score, 0),
          comments: input.comments.trim(),
          assessorId,
          scores: {
            create: criteria.map((criterion) => ({
              criterionCode: criterion.code,
              score: given.get(criterion.code)!,
            })),
          },
        },
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, "Assessment_siteId_year_level_key")) {
        throw new ConflictError(
          `The home already has a ${input.level.toLowerCase()} assessment for ${input.year}`,
          {
            year: input.year,
            level: input.level,
          },
        );
      }
      throw error;
    }
  }

  /** Each assessed home's score in a year within a city or the province, best first. */
  async yearScores(year: number, regionCode: string): Promise<HomeScore[]> {
    const region = getRegion(regionCode);
    if (region?.level !== "CITY" && region?.level !== "PROVINCE") {
      throw new BadUserInputError(`region "${regionCode}" is not a city or the province`, {
        field: "region",
      });
    }
    const within = region.level === "CITY" ? Prisma.sql`AND "cityCode" = ${regionCode}` : Prisma.empty;
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

  /**
   * Selects the year's excellent homes, in one transaction. Each must be open and assessed that
   * year; a home already selected for the year keeps its first selection.
   */
  async selectExcellent(
    input: SelectExcellentHomesInput,
    selectedBy: string | null,
  ): Promise<ExcellentHome[]> {
    const [sites, assessed] = await Promise.all([
      this.prisma.site.findMany({ where: { id: { in: input.siteIds } }, select: { id: true, status: true } }),
      this.prisma.assessment.findMany({
        where: { year: input.year, siteId: { in: input.siteIds } },
        select: { siteId: true },
      }),
    ]);
    for (const siteId of input.siteIds) {
      const site = sites.find((candidate) => candidate.id === siteId);
      if (!site)
        throw new BadUserInputError(`input.siteIds: ${siteId} is not a home`, { field: "input.siteIds" });
      if (site.status !== "OPEN")
        throw new BadUserInputError(`input.siteIds: home ${siteId} is ${site.status}, not OPEN`, {
          field: "input.siteIds",
        });
      if (!assessed.some((row) => row.siteId === siteId))
        throw new BadUserInputError(`input.siteIds: home ${siteId} has no assessment for ${input.year}`, {
          field: "input.siteIds",
        });
    }
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
