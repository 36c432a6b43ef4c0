import { Money, money, PartnerScope } from "@lamplight/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { projectGrantedLoader, projectRaisedLoader } from "./project.loader.js";
import { Project } from "./project.type.js";

/** What funding adds to a campaign project: raised (to compare with its target) and granted. */
@Resolver(() => Project)
export class ProjectResolver {
  @PartnerScope("read:funding")
  @FieldResolver(() => Money, {
    description:
      "Donations designated to this project, across every fund; reversed gifts are left out. Public: no donor identities.",
  })
  async raised(@Root() project: Project, @Ctx() context: FundingContext): Promise<Money> {
    return money(await projectRaisedLoader(context).load(project.id));
  }

  @PartnerScope("read:funding")
  @FieldResolver(() => Money, { description: "Grants approved to this project, across every fund." })
  async granted(@Root() project: Project, @Ctx() context: FundingContext): Promise<Money> {
    return money(await projectGrantedLoader(context).load(project.id));
  }
}
