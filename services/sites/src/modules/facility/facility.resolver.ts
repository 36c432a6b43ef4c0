import { NotFoundError } from "@lamplight/platform";
import {
  Allow,
  type ConnectionResult,
  PageArgs,
  PUBLIC,
  pageOfList,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { siteLoader } from "../site/site.loader.js";
import { assertMayPlaceSiteIn, SITE_REGISTRARS } from "../site/site.policy.js";
import { SiteConnection } from "../site/site.resolver.js";
import { Site } from "../site/site.type.js";
import { SetRouteInput } from "./facility.inputs.js";
import { routeLoader } from "./facility.loader.js";

@Resolver(() => Site)
export class FacilityResolver {
  @Mutation(() => Site, {
    description:
      "Sets a mobile library's route: the homes of its city it calls at, in order. Officials of its region.",
  })
  @Allow(...SITE_REGISTRARS)
  async setMobileLibraryRoute(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => SetRouteInput) input: SetRouteInput,
    @Ctx() context: SitesContext,
  ): Promise<Site> {
    const library = await siteLoader(context).load(id);
    if (!library) throw new NotFoundError("Site", id);
    assertMayPlaceSiteIn(context.principal, library.regionCode);
    await context.facilityService.setRoute(library, input.homeIds);
    return library;
  }

  @FieldResolver(() => SiteConnection, {
    description: "For a mobile library, the homes on its route in order; empty for other sites.",
  })
  @Allow(PUBLIC)
  async route(
    @Root() site: Site,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<Site>> {
    const page = pageRequest(args);
    const ids = site.kind === "MOBILE_LIBRARY" ? await routeLoader(context).load(site.id) : [];
    const homes = await siteLoader(context).loadMany(ids);
    return pageOfList(
      homes.filter((home): home is Site => home !== null && !(home instanceof Error)),
      page,
    );
  }
}
