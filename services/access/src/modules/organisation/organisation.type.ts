import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The people subgraph's Organisation, referenced by key: a partner key belongs to one. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Organisation")
export class OrganisationReference {
  @Field(() => ID)
  id!: string;
}
