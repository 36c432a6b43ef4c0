import { Length, Matches } from "class-validator";
import { Field, InputType } from "type-graphql";
import { SiteStatus } from "../site/site.type.js";

@InputType({ description: "Where a site moves, and why." })
export class TransitionSiteInput {
  @Field(() => SiteStatus, { description: "The status to move to." })
  to!: SiteStatus;

  @Field(() => String, { description: "Why: kept in the site's history. 1 to 1000 characters." })
  @Length(1, 1000)
  @Matches(/\S/, { message: "reason must not be blank" })
  reason!: string;
}
