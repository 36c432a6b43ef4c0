import { NotFoundError } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  PageArgs,
  PartnerScope,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { Region } from "../region/region.type.js";
import { CreateSiteInput, SiteFilter, UpdateSiteInput } from "./site.inputs.js";
import { siteLoader } from "./site.loader.js";
import { assertMayChangeSite, assertMayPlaceSiteIn, SITE_EDITORS, SITE_REGISTRARS } from "./site.policy.js";
import { requireCounty } from "./site.scope.js";
import { GeoPoint, Site } from "./site.type.js";

export const SiteConnection = Connection(Site);

@Resolver(() => Site)
export class SiteResolver {
  @PartnerScope("read:sites")
  @Query(() => Site, { nullable: true, description: "One home by id; null when there is none." })
  @Allow(PUBLIC)
  site(@Arg("id", () => ID) id: string, @Ctx() context: SitesContext): Promise<Site | null> {
    return siteLoader(context).load(id);
  }

  @PartnerScope("read:sites")
  @Query(() => SiteConnection, { description: "Homes, by name, a page at a time." })
  @Allow(PUBLIC)
  sites(
    @Arg("filter", () => SiteFilter, { nullable: true }) filter: SiteFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<Site>> {
    return context.sites.list(filter, pageRequest(page));
  }

  @Mutation(() => Site, { description: "Registers a home. The region must be a county-level region." })
  @Allow(...SITE_REGISTRARS)
  createSite(
    @Arg("input", () => CreateSiteInput) input: CreateSiteInput,
    @Ctx() context: SitesContext,
  ): Promise<Site> {
    requireCounty(input.regionCode, "input.regionCode");
    assertMayPlaceSiteIn(context.principal, input.regionCode);
    return context.siteService.create(input, {
      id: context.principal.subject,
      roles: [...context.principal.roles],
    });
  }

  @Mutation(() => Site, { description: "Changes a home's details; fields left out keep their value." })
  @Allow(...SITE_EDITORS)
  async updateSite(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateSiteInput) input: UpdateSiteInput,
    @Ctx() context: SitesContext,
  ): Promise<Site> {
    const site = await siteLoader(context).load(id);
    if (!site) throw new NotFoundError("Site", id);
    assertMayChangeSite(context.principal, site);
    if (input.regionCode != null && input.regionCode !== site.regionCode) {
      requireCounty(input.regionCode, "input.regionCode");
      assertMayPlaceSiteIn(context.principal, input.regionCode);
    }
    const updated = await context.siteService.update(id, input);
    if (!updated) throw new NotFoundError("Site", id);
    return updated;
  }

  @FieldResolver(() => Region, { description: "The county-level region the home is in." })
  region(@Root() site: Site): Region {
    return Region.from(getRegion(site.regionCode)!);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  location(@Root() site: Site): GeoPoint | null {
    if (site.latitude === null || site.longitude === null) return null;
    return { latitude: Number(site.latitude.toString()), longitude: Number(site.longitude.toString()) };
  }
}
