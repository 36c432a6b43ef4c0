import { IsUUID, Length, Matches } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";

@InputType()
export class RegisterTrustedOperationInput {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;

  @Field(() => String)
  @Length(1, 100)
  @Matches(/\S/, { message: "name must not be blank" })
  name!: string;

  @Field(() => String, {
    description:
      "The GraphQL document: one operation. It is known by the SHA-256 of its normalised form, so the partner may send it laid out differently or commented.",
  })
  @Length(1, 20_000)
  document!: string;
}

@ArgsType()
export class ProposeTrustedOperationArgs {
  @Field(() => String)
  @Length(1, 100)
  @Matches(/\S/, { message: "name must not be blank" })
  name!: string;

  @Field(() => String, { description: "The GraphQL document: one operation, as the partner will send it." })
  @Length(1, 20_000)
  document!: string;
}

@ArgsType()
export class RejectTrustedOperationArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { description: "Why, for the partner: what to change before proposing again." })
  @Length(1, 1_000)
  @Matches(/\S/, { message: "reason must not be blank" })
  reason!: string;
}
