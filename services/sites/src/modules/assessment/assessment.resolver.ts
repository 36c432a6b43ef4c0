import { BadUserInputError, NotFoundError } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  checkIntegerBetween,
  ListBound,
  PageArgs,
  PUBLIC,
  pageOfList,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { assertMayReviewAt } from "../application/application.policy.js";
import { siteLoader } from "../site/site.loader.js";
import { Site } from "../site/site.type.js";
import { AssessSiteInput, SelectExcellentHomesInput } from "./assessment.inputs.js";
import {
  assessmentPageLoader,
  assessmentScoresLoader,
  criteriaLoader,
  excellentYearsLoader,
} from "./assessment.loader.js";
import { ASSESSORS, SELECTORS } from "./assessment.policy.js";
import {
  Assessment,
  AssessmentCriterion,
  AssessmentScore,
  ExcellentHome,
  RankedHome,
} from "./assessment.type.js";

export const AssessmentConnection = Connection(Assessment);
export const RankedHomeConnection = Connection(RankedHome);
export const ExcellentHomeConnection = Connection(ExcellentHome);

async function siteOf(context: SitesContext, siteId: string): Promise<Site> {
  const site = await siteLoader(context).load(siteId);
  if (!site) throw new NotFoundError("Site", siteId);
  return site;
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @ListBound(20)
  @Query(() => [AssessmentCriterion], {
    description: "What homes are assessed against; a short fixed list, so not paged.",
  })
  @Allow(PUBLIC)
  assessmentCriteria(@Ctx() context: SitesContext): Promise<AssessmentCriterion[]> {
    return criteriaLoader(context).load("all");
  }

  @Query(() => RankedHomeConnection, {
    description:
      "The year's assessed homes in a city or the province, best first (by the mean of their county and city totals).",
  })
  @Allow(PUBLIC)
  async assessmentRanking(
    @Arg("year", () => Int) year: number,
    @Arg("region", () => ID) region: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<RankedHome>> {
    checkIntegerBetween(year, "year", 2010, 2100);
    const page = pageRequest(args);
    const within = getRegion(region);
    if (within?.level !== "CITY" && within?.level !== "PROVINCE") {
      throw new BadUserInputError(`region "${region}" is not a city or the province`, { field: "region" });
    }
    const scores = await context.assessments.yearScores(year, within.level === "CITY" ? region : null);
    const excellent = await context.assessments.excellentSiteIds(
      year,
      scores.map((entry) => entry.siteId),
    );
    const nodes = scores.map((entry, index) => {
      const node = new RankedHome();
      node.id = entry.siteId;
      node.rank = index + 1;
      node.score = Math.round(entry.score * 100) / 100;
      node.assessments = entry.assessments;
      node.excellent = excellent.has(entry.siteId);
      return node;
    });
    return pageOfList(nodes, page);
  }

  @Query(() => ExcellentHomeConnection, {
    description: "The homes the province selected as excellent in a year.",
  })
  @Allow(PUBLIC)
  excellentHomes(
    @Arg("year", () => Int) year: number,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<ExcellentHome>> {
    checkIntegerBetween(year, "year", 2010, 2100);
    return context.assessments.excellentHomes(year, pageRequest(page));
  }

  @Mutation(() => Assessment, {
    description:
      "Records a home's yearly assessment at the county level (a county officer of its county) or the city level (a city admin of its city), one score per criterion. The home must be OPEN or SUSPENDED.",
  })
  @Allow(...ASSESSORS)
  async assessSite(
    @Arg("siteId", () => ID) siteId: string,
    @Arg("input", () => AssessSiteInput) input: AssessSiteInput,
    @Ctx() context: SitesContext,
  ): Promise<Assessment> {
    const site = await siteOf(context, siteId);
    assertMayReviewAt(context.principal, input.level, site.regionCode);
    return context.assessmentService.assess(site, input, context.principal.subject);
  }

  @ListBound(200)
  @Mutation(() => [ExcellentHome], {
    description:
      "Selects the year's excellent homes (province admins). Each must be OPEN and assessed that year; the funding subgraph funds them directly.",
  })
  @Allow(...SELECTORS)
  selectExcellentHomes(
    @Arg("input", () => SelectExcellentHomesInput) input: SelectExcellentHomesInput,
    @Ctx() context: SitesContext,
  ): Promise<ExcellentHome[]> {
    return context.assessmentService.selectExcellent(input, context.principal.subject);
  }

  @FieldResolver(() => Site)
  site(@Root() assessment: Assessment, @Ctx() context: SitesContext): Promise<Site> {
    return siteOf(context, assessment.siteId);
  }

  @ListBound(20)
  @FieldResolver(() => [AssessmentScore], {
    description: "One score per criterion; a short fixed list, so not paged.",
  })
  scores(@Root() assessment: Assessment, @Ctx() context: SitesContext): Promise<AssessmentScore[]> {
    return assessmentScoresLoader(context).load(assessment.id);
  }
}

@Resolver(() => RankedHome)
export class RankedHomeResolver {
  @FieldResolver(() => Site)
  site(@Root() ranked: RankedHome, @Ctx() context: SitesContext): Promise<Site> {
    return siteOf(context, ranked.id);
  }
}

@Resolver(() => ExcellentHome)
export class ExcellentHomeResolver {
  @FieldResolver(() => Site)
  site(@Root() home: ExcellentHome, @Ctx() context: SitesContext): Promise<Site> {
    return siteOf(context, home.siteId);
  }
}

@Resolver(() => Site)
export class SiteAssessmentResolver {
  @FieldResolver(() => AssessmentConnection, {
    description: "The home's yearly assessments, oldest year first.",
  })
  @Allow(PUBLIC)
  async assessments(
    @Root() site: Site,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<Assessment>> {
    return assessmentPageLoader(context, pageRequest(args)).load(site.id);
  }

  @ListBound(100)
  @FieldResolver(() => [Int], { description: "The years the province selected this home as excellent." })
  @Allow(PUBLIC)
  excellentYears(@Root() site: Site, @Ctx() context: SitesContext): Promise<number[]> {
    return excellentYearsLoader(context).load(site.id);
  }
}
