import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The people subgraph's Volunteer, by its key. This subgraph adds exactly two fields: the
 * activities the volunteer registered for and the minutes they served at them (from attendance),
 * which people adds to the volunteer's own logged service.
 */
@Directive('@key(fields: "id")')
@ObjectType("Volunteer", {
  description: "A registered volunteer of the programme: pairs with children or serves in mobile teams.",
})
export class Volunteer {
  @Field(() => ID)
  id!: string;

  static of(id: string): Volunteer {
    const volunteer = new Volunteer();
    volunteer.id = id;
    return volunteer;
  }
}
