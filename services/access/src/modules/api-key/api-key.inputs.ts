import { ArrayMaxSize, ArrayNotEmpty, IsUUID, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

/** Partner scopes: `read:<area>`. */
export const PARTNER_SCOPES = ["read:sites", "read:people", "read:funding", "read:campaigns"] as const;

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;

  @Field(() => String, { description: "What the key is for, e.g. the partner's reporting system." })
  @Length(1, 100)
  @Matches(/\S/, { message: "name must not be blank" })
  name!: string;

  @Field(() => [String], { description: `Any of ${PARTNER_SCOPES.join(", ")}.` })
  @ArrayNotEmpty()
  @ArrayMaxSize(PARTNER_SCOPES.length)
  scopes!: string[];

  @Field(() => Date, { nullable: true, description: "When the key stops working; never when left out." })
  expiresAt?: Date | null;
}
