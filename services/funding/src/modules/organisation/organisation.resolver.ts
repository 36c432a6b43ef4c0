import { Money, money } from "@lamplight/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { donatedLoader } from "./organisation.loader.js";
import { Organisation } from "./organisation.type.js";

@Resolver(() => Organisation)
export class OrganisationResolver {
  @FieldResolver(() => Money, {
    description:
      "What the organisation gave in its own name, across every fund; anonymous and reversed gifts are left out.",
  })
  async donated(@Root() organisation: Organisation, @Ctx() context: FundingContext): Promise<Money> {
    return money(await donatedLoader(context).load(organisation.id));
  }
}
