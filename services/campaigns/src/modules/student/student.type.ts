import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The people subgraph's Student, by its key: a registration names the child. This subgraph holds
 * no personal data of children; their names come from people, under people's access rules.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Student", { description: "A left-behind student cared for by the programme." })
export class Student {
  @Field(() => ID)
  id!: string;

  static of(id: string): Student {
    const student = new Student();
    student.id = id;
    return student;
  }
}
