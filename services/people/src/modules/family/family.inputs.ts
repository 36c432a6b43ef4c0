import { IsOptional, Length, Matches } from "class-validator";
import { Field, InputType } from "type-graphql";
import { GuardianRelationship } from "../student/student.type.js";
import { ParentRole } from "./family.type.js";

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const NOT_BLANK = /\S/;

@InputType({ description: "A further guardian of a child." })
export class GuardianInput {
  @Field(() => String)
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: "name must not be blank" })
  name!: string;

  @Field(() => GuardianRelationship)
  relationship!: GuardianRelationship;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: "phone must be a mobile or landline number" })
  phone?: string | null;

  @Field(() => Boolean, { defaultValue: true })
  livesWithChild!: boolean;
}

@InputType({ description: "A parent working away from home." })
export class MigrantParentInput {
  @Field(() => String)
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: "name must not be blank" })
  name!: string;

  @Field(() => ParentRole)
  role!: ParentRole;

  @Field(() => String)
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: "workCity must not be blank" })
  workCity!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  employer?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: "phone must be a mobile or landline number" })
  phone?: string | null;
}

@InputType({ description: "The guardian's consent, as it stands now; every flag is given." })
export class UpdateConsentInput {
  @Field(() => Boolean)
  sharePartners!: boolean;

  @Field(() => Boolean)
  photos!: boolean;

  @Field(() => Boolean, { description: "Whether the child is counted in published (de-identified) figures." })
  statistics!: boolean;
}
