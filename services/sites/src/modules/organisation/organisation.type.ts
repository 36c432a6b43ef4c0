import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The people subgraph's Organisation, by its key: an applicant for a home, a tender's vendor or an
 * evaluator's employer. Its name and kind come from the people subgraph through the gateway.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Organisation", {
  description:
    "A body taking part in the programme: a member unit of the leading group, an alliance member, a school or a vendor.",
})
export class Organisation {
  @Field(() => ID)
  id!: string;

  static of(id: string): Organisation {
    const organisation = new Organisation();
    organisation.id = id;
    return organisation;
  }
}
