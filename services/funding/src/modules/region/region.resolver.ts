import { Money, money, PartnerScope } from "@lamplight/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { regionGrantedLoader } from "../grant/grant.loader.js";
import { regionRaisedLoader } from "./region.loader.js";
import { Region } from "./region.type.js";

/** What the region's funds raised and what was granted to it. Public aggregates, no donor identities. */
@Resolver(() => Region)
export class RegionResolver {
  @PartnerScope("read:funding")
  @FieldResolver(() => Money, {
    description:
      "Donations received by the funds run in this region and every region below it (the province: every fund); reversed gifts left out.",
  })
  async fundsRaised(@Root() region: Region, @Ctx() context: FundingContext): Promise<Money> {
    return money(await regionRaisedLoader(context).load(region.code));
  }

  @PartnerScope("read:funding")
  @FieldResolver(() => Money, {
    description: "Grants approved to homes, projects and cities in this region and every region below it.",
  })
  async fundsGranted(@Root() region: Region, @Ctx() context: FundingContext): Promise<Money> {
    return money(await regionGrantedLoader(context).load(region.code));
  }
}
