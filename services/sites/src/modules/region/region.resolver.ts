import { allRegions, childrenOf, getRegion } from "@lamplight/regions";
import {
  Allow,
  type ConnectionResult,
  ListBound,
  PageArgs,
  PartnerScope,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { SiteConnection } from "../site/site.resolver.js";
import type { Site } from "../site/site.type.js";
import { resolveRegionReference } from "./region.reference.js";
import { Region } from "./region.type.js";

/** The most regions directly below any one region (the province's cities): the bound of `children`. */
const MOST_CHILDREN = Math.max(...allRegions().map((region) => childrenOf(region.code).length));

@Resolver(() => Region)
export class RegionResolver {
  @PartnerScope("read:sites")
  @Query(() => Region, {
    nullable: true,
    description: "A region by its six-digit code; null when there is none.",
  })
  @Allow(PUBLIC)
  region(@Arg("code", () => ID) code: string): Region | null {
    return resolveRegionReference({ code });
  }

  @PartnerScope("read:sites")
  @Query(() => Region, { description: "The province, the root of the region tree." })
  @Allow(PUBLIC)
  province(): Region {
    return resolveRegionReference({ code: "510000" })!;
  }

  @FieldResolver(() => Region, { nullable: true, description: "The region above; null for the province." })
  parent(@Root() region: Region): Region | null {
    return region.parentCode ? resolveRegionReference({ code: region.parentCode }) : null;
  }

  @ListBound(MOST_CHILDREN)
  @FieldResolver(() => [Region], {
    description:
      "The regions directly below, by code. A fixed, short list (at most a few dozen), so not paged.",
  })
  children(@Root() region: Region): Region[] {
    return childrenOf(region.code).map(Region.from);
  }

  @FieldResolver(() => SiteConnection, { description: "The homes in this region and every region below it." })
  sites(
    @Root() region: Region,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<Site>> {
    if (!getRegion(region.code)) throw new Error(`unknown region ${region.code}`);
    return context.sites.listWithinRegion(region.code, pageRequest(page));
  }
}
