import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The campaigns subgraph's Project (a public-welfare project offered to society), by its key. This
 * subgraph adds what was raised for it and granted to it; everything else comes from campaigns.
 */
@Directive('@key(fields: "id")')
@ObjectType("Project", { description: "A public-welfare project the programme raises money for." })
export class Project {
  @Field(() => ID)
  id!: string;

  static of(id: string): Project {
    const project = new Project();
    project.id = id;
    return project;
  }
}
