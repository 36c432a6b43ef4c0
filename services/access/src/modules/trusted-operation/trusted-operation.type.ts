import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "An operation a partner organisation may run; partners run nothing else." })
export class TrustedOperation {
  @Field(() => ID)
  id!: string;

  organisationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    description:
      "SHA-256 of the normalised document (as graphql-js prints it), hex: what a partner sends as the persisted-query hash.",
  })
  sha256!: string;

  @Field(() => String, { description: "The document as it was submitted." })
  document!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String)
  createdBy!: string;
}
