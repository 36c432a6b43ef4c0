import { DateScalar } from "@lamplight/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A period of membership of the caring alliance. Public." })
export class AllianceMembership {
  @Field(() => ID)
  id!: string;

  organisationId!: string;

  @Field(() => DateScalar)
  joinedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Null while still a member." })
  leftOn!: Date | null;
}
