import { IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { OrganisationKind } from "./organisation.type.js";

@InputType({ description: "Which organisations to list. Every condition given must hold." })
export class OrganisationFilter {
  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A region code at any level: the organisations based in that region or in a region below it.",
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: "region must be a six-digit region code" })
  region?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the organisation's name, any case." })
  @IsOptional()
  @Length(1, 100)
  search?: string | null;
}
