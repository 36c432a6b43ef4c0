import { BadUserInputError } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  PageArgs,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { Region } from "../region/region.type.js";
import { OrganisationFilter } from "./organisation.inputs.js";
import { organisationLoader } from "./organisation.loader.js";
import { Organisation } from "./organisation.type.js";

export const OrganisationConnection = Connection(Organisation);

/** Organisations are public: the programme publishes who takes part. */
@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, {
    nullable: true,
    description: "One organisation by id; null when there is none.",
  })
  @Allow(PUBLIC)
  organisation(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<Organisation | null> {
    return organisationLoader(context).load(id);
  }

  @Query(() => OrganisationConnection, { description: "Organisations, by name, a page at a time." })
  @Allow(PUBLIC)
  organisations(
    @Arg("filter", () => OrganisationFilter, { nullable: true }) filter: OrganisationFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<Organisation>> {
    if (filter?.region && !getRegion(filter.region)) {
      throw new BadUserInputError(`filter.region "${filter.region}" is not a region of the province`, {
        field: "filter.region",
      });
    }
    return context.organisations.list(filter, pageRequest(page));
  }

  @FieldResolver(() => Region, { description: "The region the organisation works in, at any level." })
  region(@Root() organisation: Organisation): Region {
    return Region.of(organisation.regionCode);
  }
}
