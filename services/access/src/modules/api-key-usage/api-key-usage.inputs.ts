import { ArrayMaxSize, IsOptional, IsUUID, Length, Min, ValidateNested } from "class-validator";
import { Directive, Field, ID, InputType, Int } from "type-graphql";

/** The most counts one flush of the gateway sends: it sends more in several batches. */
export const MAX_USAGE_BATCH = 500;

@Directive("@inaccessible")
@InputType({ description: "What the gateway counted of one key and operation in one hour." })
export class ApiKeyUsageCountInput {
  @Field(() => ID)
  @IsUUID()
  keyId!: string;

  @Field(() => Date, { description: "The start of the hour (UTC) the requests were made in." })
  hour!: Date;

  @Field(() => String, { nullable: true, description: "The operation's name; null when it was not read." })
  @IsOptional()
  @Length(0, 200)
  operation?: string | null;

  @Field(() => Int)
  @Min(0)
  requests!: number;

  @Field(() => Int)
  @Min(0)
  errors!: number;

  @Field(() => Int)
  @Min(0)
  rateLimited!: number;
}

@Directive("@inaccessible")
@InputType()
export class RecordApiKeyUsageInput {
  @Field(() => [ApiKeyUsageCountInput])
  @ArrayMaxSize(MAX_USAGE_BATCH)
  @ValidateNested({ each: true })
  counts!: ApiKeyUsageCountInput[];
}
