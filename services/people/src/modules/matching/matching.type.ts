import { ListBound } from "@lamplight/subgraph-kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Volunteer } from "../volunteer/volunteer.type.js";

@ObjectType({
  description: "A volunteer suggested for a child or a home, with the score and the reasons for it.",
})
export class VolunteerSuggestion {
  /** The volunteer's id: the last key of the ranking, for cursors. */
  id!: string;

  @Field(() => Volunteer)
  volunteer!: Volunteer;

  @Field(() => Int, { description: "Higher is a better match." })
  score!: number;

  @ListBound(20)
  @Field(() => [String], {
    description: "Why, in plain words: skills for needs, region, availability, places left.",
  })
  reasons!: string[];
}
