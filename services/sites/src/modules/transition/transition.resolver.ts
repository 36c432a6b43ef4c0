import {
  Allow,
  Connection,
  type ConnectionResult,
  ListBound,
  PageArgs,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { Site, SiteStatus } from "../site/site.type.js";
import { TransitionSiteInput } from "./transition.inputs.js";
import { historyPageLoader } from "./transition.loader.js";
import { nextStatuses, type Status } from "./transition.machine.js";
import { actorLevel, HISTORY_READERS, SITE_OFFICIALS } from "./transition.policy.js";
import { SiteTransition } from "./transition.type.js";

export const SiteTransitionConnection = Connection(SiteTransition);

@Resolver(() => Site)
export class TransitionResolver {
  @Mutation(() => Site, {
    description:
      "Moves a site to another status of its life. BAD_USER_INPUT for a move that does not exist from the current status or whose conditions do not hold; FORBIDDEN for a move above the caller's level or outside their region. Kept in the site's history.",
  })
  @Allow(...SITE_OFFICIALS)
  async transitionSite(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => TransitionSiteInput) input: TransitionSiteInput,
    @Ctx() context: SitesContext,
  ): Promise<Site> {
    const site = await context.sites.findByIds([id]).then((rows) => rows[0]);
    const level = site ? actorLevel(context.principal, site.regionCode) : null;
    return context.transitionService.move(
      id,
      input.to,
      { id: context.principal.subject, roles: [...context.principal.roles], level },
      input.reason.trim(),
    );
  }

  @ListBound(Object.values(SiteStatus).length)
  @FieldResolver(() => [SiteStatus], { description: "The statuses this site can move to next, by someone." })
  @Allow(PUBLIC)
  nextStatuses(@Root() site: Site): SiteStatus[] {
    return nextStatuses(site.status as Status) as SiteStatus[];
  }

  @FieldResolver(() => SiteTransitionConnection, {
    description: "Every move of the site through its life, oldest first. Officials and site managers.",
  })
  @Allow(...HISTORY_READERS)
  async history(
    @Root() site: Site,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<SiteTransition>> {
    return historyPageLoader(context, pageRequest(args)).load(site.id);
  }
}
