import { DateScalar } from "@lamplight/subgraph-kit";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({
  description:
    "A key's requests on one day of the province (UTC+8) for one operation, as the gateway counted them.",
})
export class ApiKeyUsage {
  keyId!: string;

  @Field(() => DateScalar)
  day!: Date;

  /** The operation's name; empty for requests refused before it was read (resolved as null). */
  operation!: string;

  @Field(() => Int, { description: "Every request, answered or refused." })
  requests!: number;

  @Field(() => Int, { description: "Requests answered with errors (refused operations among them)." })
  errors!: number;

  @Field(() => Int, { description: "Requests refused by the rate limit (RATE_LIMITED), before they ran." })
  rateLimited!: number;
}
