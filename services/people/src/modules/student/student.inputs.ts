import { DateScalar, IntegerBetween } from "@lamplight/subgraph-kit";
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { NeedInput } from "../need/need.inputs.js";
import { Gender, GuardianRelationship } from "./student.type.js";

const REGION_CODE = /^\d{6}$/;
/** A mainland mobile number (11 digits from 1) or a landline with its area code (0816-2345678). */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const NOT_BLANK = /\S/;

@InputType({ description: "Which children to list. Every condition given must hold." })
export class StudentFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      "A region code at any level: the children living in that county, city, or the whole province.",
  })
  @IsOptional()
  @Matches(REGION_CODE, { message: "region must be a six-digit region code" })
  region?: string | null;

  @Field(() => ID, { nullable: true, description: "The home the children attend." })
  @IsOptional()
  @IsUUID("all", { message: "siteId must be a site id" })
  siteId?: string | null;
}

@InputType({ description: "What the guardian consents to; everything left out is not consented to." })
export class ConsentInput {
  @Field(() => Boolean, { defaultValue: false })
  sharePartners!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  photos!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  statistics!: boolean;
}

@InputType({
  description: "A child to register, with the guardian, a migrant parent's contact and assessed needs.",
})
export class CreateStudentInput {
  @Field(() => String)
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: "name must not be blank" })
  name!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => DateScalar, { description: "The child must be under 18." })
  birthDate!: Date;

  @Field(() => ID, { description: "The county-level region the child lives in." })
  @Matches(REGION_CODE, { message: "regionCode must be a six-digit region code" })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: "The home the child attends, if any (a Site id)." })
  @IsOptional()
  @IsUUID("all", { message: "siteId must be a site id" })
  siteId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: "school must not be blank" })
  school?: string | null;

  @Field(() => Int)
  @IntegerBetween(1, 12)
  grade!: number;

  @Field(() => String)
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: "guardianName must not be blank" })
  guardianName!: string;

  @Field(() => GuardianRelationship)
  guardianRelationship!: GuardianRelationship;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: "guardianPhone must be a mobile or landline number" })
  guardianPhone?: string | null;

  @Field(() => String, { nullable: true, description: "Where a migrant parent works, e.g. 东莞市." })
  @IsOptional()
  @Length(1, 50)
  parentWorkCity?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  parentEmployer?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: "parentPhone must be a mobile or landline number" })
  parentPhone?: string | null;

  @Field(() => ConsentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  consent?: ConsentInput | null;

  @Field(() => [NeedInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested()
  needs!: NeedInput[];
}
