import { ListBound } from "@lamplight/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PARTNER_SCOPES } from "./api-key.inputs.js";

@ObjectType({ description: "A partner organisation's API key. The secret itself is never shown again." })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  organisationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The secret's first characters, to tell keys apart." })
  prefix!: string;

  @ListBound(PARTNER_SCOPES.length)
  @Field(() => [String], { description: "What the key may read, e.g. read:sites." })
  scopes!: string[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String)
  createdBy!: string;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the key was last used (to the minute)." })
  lastUsedAt!: Date | null;
}

@ObjectType({ description: "A new key and its secret: store the secret now, it is shown only this once." })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String)
  secret!: string;
}

@ObjectType({
  description:
    "A rotated key: the new key and its secret (shown only this once), and the old key with the end of its overlap as expiresAt.",
})
export class RotatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String)
  secret!: string;

  @Field(() => ApiKey, { description: "The old key: it keeps working until its expiresAt, then stops." })
  replaces!: ApiKey;
}

/** What the gateway learns about a valid partner key. Not in the public graph (@inaccessible). */
@Directive("@inaccessible")
@ObjectType()
export class PartnerCredential {
  @Field(() => ID)
  keyId!: string;

  @Field(() => ID)
  organisationId!: string;

  @ListBound(PARTNER_SCOPES.length)
  @Field(() => [String])
  scopes!: string[];

  @Field(() => Date, {
    nullable: true,
    description: "When the key stops working: the gateway remembers the key no longer than that.",
  })
  expiresAt!: Date | null;
}
