import {
  type ConnectionResult,
  Money,
  money,
  PageArgs,
  PartnerScope,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { siteGrantedLoader, siteGrantPageLoader } from "../grant/grant.loader.js";
import { GrantConnection } from "../grant/grant.resolver.js";
import type { GrantRow } from "../grant/grant.type.js";
import { siteInKindLoader } from "../inkind/inkind.loader.js";
import { fundsReceivedLoader } from "./site.loader.js";
import { Site } from "./site.type.js";

@Resolver(() => Site)
export class SiteResolver {
  @PartnerScope("read:funding")
  @FieldResolver(() => Money, {
    description:
      "Donations designated to this home, across every fund; reversed gifts are left out. Public: no donor identities.",
  })
  async fundsReceived(@Root() site: Site, @Ctx() context: FundingContext): Promise<Money> {
    return money(await fundsReceivedLoader(context).load(site.id));
  }

  @PartnerScope("read:funding")
  @FieldResolver(() => Money, { description: "Grants approved to this home, across every fund." })
  async fundsGranted(@Root() site: Site, @Ctx() context: FundingContext): Promise<Money> {
    return money(await siteGrantedLoader(context).load(site.id));
  }

  @PartnerScope("read:funding")
  @FieldResolver(() => Money, {
    description: "The estimated value of goods given in kind delivered to this home.",
  })
  async inKindReceived(@Root() site: Site, @Ctx() context: FundingContext): Promise<Money> {
    return money(await siteInKindLoader(context).load(site.id));
  }

  @PartnerScope("read:funding")
  @FieldResolver(() => GrantConnection, {
    description: "Grants approved to this home, newest first. Public.",
  })
  async grants(
    @Root() site: Site,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<GrantRow>> {
    return siteGrantPageLoader(context, pageRequest(page)).load(site.id);
  }
}
