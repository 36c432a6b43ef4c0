import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The sites subgraph's Site (a home for left-behind students), by its key. This subgraph adds the
 * activities held there and the awards it won; everything else comes from the sites subgraph.
 */
@Directive('@key(fields: "id")')
@ObjectType("Site", { description: "A home for left-behind students: a safe place to study, live and play." })
export class Site {
  @Field(() => ID)
  id!: string;

  static of(id: string): Site {
    const site = new Site();
    site.id = id;
    return site;
  }
}
