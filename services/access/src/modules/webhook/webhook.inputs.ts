import { ArrayMaxSize, ArrayNotEmpty, IsOptional, IsUUID, Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { WEBHOOK_EVENT_SCOPES } from "./webhook.events.js";

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field(() => ID, {
    nullable: true,
    description: "The partner organisation; a partner admin's own when left out (a province admin names it).",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @Field(() => String, { description: "Where the events are POSTed: an https URL." })
  @Length(1, 2000)
  url!: string;

  @Field(() => [String], {
    description: `The event types to receive, any of ${Object.keys(WEBHOOK_EVENT_SCOPES).join(", ")}, each needing its scope on one of the organisation's working keys (a site event read:sites, a project event and activity.published read:campaigns, grant.approved read:funding, donation.received read:funding and only for the organisation's own gifts; the organisation's own trustedOperation events none).`,
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(Object.keys(WEBHOOK_EVENT_SCOPES).length)
  eventTypes!: string[];
}
