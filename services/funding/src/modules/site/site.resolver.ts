import { Money } from "@lamplight/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { money } from "../../money.js";
import { fundsReceivedLoader } from "./site.loader.js";
import { Site } from "./site.type.js";

@Resolver(() => Site)
export class SiteResolver {
  @FieldResolver(() => Money, {
    description:
      "Donations designated to this home, across every fund; reversed gifts are left out. Public: no donor identities.",
  })
  async fundsReceived(@Root() site: Site, @Ctx() context: FundingContext): Promise<Money> {
    return money(await fundsReceivedLoader(context).load(site.id));
  }
}
