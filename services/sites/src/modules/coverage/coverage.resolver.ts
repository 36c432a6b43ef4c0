import { childrenOf, getRegion } from "@lamplight/regions";
import { Allow, checkIntegerBetween, ListBound, PUBLIC } from "@lamplight/subgraph-kit";
import { Arg, Ctx, Directive, FieldResolver, Float, Int, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { Region } from "../region/region.type.js";
import { coverageGroupsLoader } from "./coverage.loader.js";
import { byNeed, coverageRatio, homesNeeded, NEW_HOME_CAPACITY } from "./coverage.plan.js";
import { coverageOf } from "./coverage.repository.js";
import { RegionCoverage, RegionNeed } from "./coverage.type.js";

@Resolver(() => Region)
export class CoverageResolver {
  @FieldResolver(() => RegionCoverage, {
    description:
      "The region's homes by status, places, demonstration homes, equipment compliance and other facilities.",
  })
  @Allow(PUBLIC)
  async coverage(@Root() region: Region, @Ctx() context: SitesContext): Promise<RegionCoverage> {
    return coverageOf(region.code, await coverageGroupsLoader(context).load("all"));
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Places in open homes per child of the region (people's childrenCount); null when the count is suppressed or zero.",
  })
  @Directive('@requires(fields: "childrenCount")')
  @Allow(PUBLIC)
  async coverageRatio(@Root() region: Region, @Ctx() context: SitesContext): Promise<number | null> {
    const { capacity } = coverageOf(region.code, await coverageGroupsLoader(context).load("all"));
    return coverageRatio(capacity, region.childrenCount);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `How many new homes of ${NEW_HOME_CAPACITY} places it takes to give every child of the region a place; null when the count is suppressed. Sort a region's children by it to find where a new home is needed most.`,
  })
  @Directive('@requires(fields: "childrenCount")')
  @Allow(PUBLIC)
  async homesNeeded(@Root() region: Region, @Ctx() context: SitesContext): Promise<number | null> {
    const { capacity } = coverageOf(region.code, await coverageGroupsLoader(context).load("all"));
    return homesNeeded(capacity, region.childrenCount);
  }

  @ListBound(50, { slicedBy: "first" })
  @FieldResolver(() => [RegionNeed], {
    description:
      "The regions directly below, most in need of a new home first (most homes needed, then fewest places per child), with the people subgraph's child counts; regions whose count is suppressed come last. At most the region's children, so not paged.",
  })
  @Directive('@requires(fields: "children { childrenCount }")')
  @Allow(PUBLIC)
  async mostInNeed(
    @Root() region: Region,
    @Arg("first", () => Int, { defaultValue: 5, description: "How many regions, 0 to 50." }) first: number,
    @Ctx() context: SitesContext,
  ): Promise<RegionNeed[]> {
    checkIntegerBetween(first, "first", 0, 50);
    const below = childrenOf(region.code);
    // The gateway passes the counts in the order this subgraph listed the children.
    const counts = region.childCounts?.length === below.length ? region.childCounts : [];
    const groups = await coverageGroupsLoader(context).load("all");
    const needs = below.map((child, index) => {
      const { capacity } = coverageOf(child.code, groups);
      const children = counts[index] ?? null;
      const need = new RegionNeed();
      need.code = child.code;
      need.children = children;
      need.capacity = capacity;
      need.coverageRatio = coverageRatio(capacity, children);
      need.homesNeeded = homesNeeded(capacity, children);
      return need;
    });
    return byNeed(needs).slice(0, first);
  }
}

@Resolver(() => RegionNeed)
export class RegionNeedResolver {
  @FieldResolver(() => Region)
  region(@Root() need: RegionNeed): Region {
    return Region.from(getRegion(need.code)!);
  }
}
