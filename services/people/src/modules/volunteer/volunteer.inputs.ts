import { DateScalar, IntegerBetween, OnOrAfter } from "@lamplight/subgraph-kit";
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { TrainingTopic, VolunteerKind, VolunteerSkill, VolunteerStatus, Weekday } from "./volunteer.type.js";

const REGION_CODE = /^\d{6}$/;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const NOT_BLANK = /\S/;

@InputType({ description: "A volunteer's application." })
export class RegisterVolunteerInput {
  @Field(() => String)
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: "name must not be blank" })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: "phone must be a mobile or landline number" })
  phone?: string | null;

  @Field(() => VolunteerKind)
  kind!: VolunteerKind;

  @Field(() => ID, { description: "The county-level region they live and serve in." })
  @Matches(REGION_CODE, { message: "regionCode must be a six-digit region code" })
  regionCode!: string;

  @Field(() => [VolunteerSkill], { defaultValue: [] })
  @ArrayMaxSize(8)
  skills!: VolunteerSkill[];

  @Field(() => [Weekday], { defaultValue: [] })
  @ArrayMaxSize(7)
  availableDays!: Weekday[];

  @Field(() => Int, { defaultValue: 2, description: "Hours a week, 0 to 40." })
  @IntegerBetween(0, 40)
  weeklyHours!: number;
}

@InputType({ description: "What changes about a volunteer; anything left out stays." })
export class UpdateVolunteerInput {
  @Field(() => [VolunteerSkill], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  skills?: VolunteerSkill[] | null;

  @Field(() => [Weekday], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(7)
  availableDays?: Weekday[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IntegerBetween(0, 40)
  weeklyHours?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: "phone must be a mobile or landline number" })
  phone?: string | null;
}

@InputType({ description: "The result of a background check for working with minors." })
export class BackgroundCheckInput {
  @Field(() => DateScalar, { description: "Not in the future." })
  checkedOn!: Date;

  @Field(() => DateScalar, { description: "After checkedOn, and not already past." })
  @OnOrAfter("checkedOn", { strictly: true })
  expiresOn!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  reference?: string | null;
}

@InputType({ description: "A training the volunteer attended." })
export class TrainingInput {
  @Field(() => TrainingTopic)
  topic!: TrainingTopic;

  @Field(() => String)
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: "title must not be blank" })
  title!: string;

  @Field(() => DateScalar, { description: "Not in the future." })
  completedOn!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  certificateNumber?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "When the certificate expires, after completedOn; null: never.",
  })
  @OnOrAfter("completedOn", { strictly: true })
  expiresOn?: Date | null;
}

@InputType({ description: "Minutes of service on one day." })
export class LogServiceInput {
  @Field(() => ID, {
    nullable: true,
    description: "The volunteer; a volunteer logging their own service leaves it out.",
  })
  @IsOptional()
  @IsUUID("all", { message: "volunteerId must be a volunteer id" })
  volunteerId?: string | null;

  @Field(() => DateScalar, { description: "Not in the future." })
  servedOn!: Date;

  @Field(() => Int, { description: "1 to 1,440 minutes." })
  @IntegerBetween(1, 1440)
  minutes!: number;

  @Field(() => ID, { nullable: true, description: "An activity of the campaigns subgraph." })
  @IsOptional()
  @IsUUID("all", { message: "activityId must be an activity id" })
  activityId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  description?: string | null;
}

@InputType({ description: "Which volunteers to list. Every condition given must hold." })
export class VolunteerFilter {
  @Field(() => ID, { nullable: true, description: "A region at any level." })
  @IsOptional()
  @Matches(REGION_CODE, { message: "region must be a six-digit region code" })
  region?: string | null;

  @Field(() => VolunteerStatus, { nullable: true })
  status?: VolunteerStatus | null;

  @Field(() => VolunteerKind, { nullable: true })
  kind?: VolunteerKind | null;

  @Field(() => VolunteerSkill, { nullable: true })
  skill?: VolunteerSkill | null;
}
