import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError } from "@lamplight/platform";
import type { Site } from "../site/site.type.js";
import type { AssessSiteInput, SelectExcellentHomesInput } from "./assessment.inputs.js";
import { type AssessmentRepository, ONE_ASSESSMENT_PER_LEVEL } from "./assessment.repository.js";
import type { Assessment, ExcellentHome } from "./assessment.type.js";

/** The yearly assessment of open homes, county and city, and the selection of the excellent ones. */
export class AssessmentService {
  constructor(private readonly assessments: AssessmentRepository) {}

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
    const criteria = await this.assessments.criteria();
    const given = new Map(input.scores.map((entry) => [entry.criterionCode, entry.score]));
    if (
      given.size !== input.scores.length ||
      given.size !== criteria.length ||
      criteria.some((c) => !given.has(c.code))
    ) {
      throw new BadUserInputError(
        `input.scores must score each criterion once: ${criteria.map((c) => c.code).join(", ")}`,
        { field: "input.scores" },
      );
    }
    const over = criteria.find((criterion) => given.get(criterion.code)! > criterion.maxScore);
    if (over) {
      throw new BadUserInputError(`input.scores: ${over.code} is scored out of ${over.maxScore}`, {
        field: "input.scores",
      });
    }
    const scores = new Map(criteria.map((criterion) => [criterion.code, given.get(criterion.code)!]));
    try {
      return await this.assessments.create(site, input, scores, assessorId);
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_ASSESSMENT_PER_LEVEL)) {
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

  /**
   * Selects the year's excellent homes, in one transaction. Each must be open and assessed that
   * year; a home already selected for the year keeps its first selection.
   */
  async selectExcellent(
    input: SelectExcellentHomesInput,
    selectedBy: string | null,
  ): Promise<ExcellentHome[]> {
    const { sites, assessed } = await this.assessments.selectionFacts(input.year, input.siteIds);
    for (const siteId of input.siteIds) {
      const site = sites.find((candidate) => candidate.id === siteId);
      if (!site)
        throw new BadUserInputError(`input.siteIds: ${siteId} is not a home`, { field: "input.siteIds" });
      if (site.status !== "OPEN")
        throw new BadUserInputError(`input.siteIds: home ${siteId} is ${site.status}, not OPEN`, {
          field: "input.siteIds",
        });
      if (!assessed.has(siteId))
        throw new BadUserInputError(`input.siteIds: home ${siteId} has no assessment for ${input.year}`, {
          field: "input.siteIds",
        });
    }
    return this.assessments.selectExcellent(input, selectedBy);
  }
}
