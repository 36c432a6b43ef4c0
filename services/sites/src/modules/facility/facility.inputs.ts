import { ArrayMaxSize, IsUUID } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A mobile library's route: the homes it calls at, in order." })
export class SetRouteInput {
  @Field(() => [ID], { description: "Up to 100 homes, in the order of the route; an empty list clears it." })
  @ArrayMaxSize(100)
  @IsUUID("all", { each: true, message: "homeIds must be UUIDs" })
  homeIds!: string[];
}
