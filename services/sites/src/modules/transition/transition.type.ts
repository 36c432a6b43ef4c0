import { ROLES } from "@lamplight/platform";
import { ListBound } from "@lamplight/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { SiteStatus } from "../site/site.type.js";

@ObjectType({ description: "One move of a site from one status to another: who made it, when and why." })
export class SiteTransition {
  @Field(() => ID)
  id!: string;

  siteId!: string;

  @Field(() => SiteStatus, { nullable: true, description: "null for the first entry of a site's history." })
  fromStatus!: SiteStatus | null;

  @Field(() => SiteStatus)
  toStatus!: SiteStatus;

  @Field(() => String, { nullable: true, description: "Who made the move (the user's subject)." })
  actorId!: string | null;

  @ListBound(ROLES.length)
  @Field(() => [String], { description: "The roles they acted in." })
  actorRoles!: string[];

  @Field(() => String)
  reason!: string;

  @Field(() => Date)
  at!: Date;
}
