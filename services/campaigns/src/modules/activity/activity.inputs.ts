import { DateScalar, IntegerBetween, OnOrAfter } from "@lamplight/subgraph-kit";
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ActivityKind, Recurrence } from "./activity.type.js";

const REGION = /^\d{6}$/;

@InputType({ description: "A new activity: at homes (homeIds) or off-site (venue), once or recurring." })
export class CreateActivityInput {
  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "The project the activity belongs to." })
  @IsOptional()
  @IsUUID("all", { message: "projectId must be a project id" })
  projectId?: string | null;

  @Field(() => ID, { description: "The county-level region the activity is held in." })
  @Matches(REGION, { message: "regionCode must be a six-digit region code" })
  regionCode!: string;

  @Field(() => [ID], {
    defaultValue: [],
    description: "The homes holding it (all in regionCode); empty for an off-site activity.",
  })
  @ArrayMaxSize(50)
  @IsUUID("all", { each: true, message: "homeIds must be site ids" })
  homeIds!: string[];

  @Field(() => String, { nullable: true, description: "Where an off-site activity is held." })
  @IsOptional()
  @Length(1, 200)
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "The organising organisation, if any." })
  @IsOptional()
  @IsUUID("all", { message: "organiserOrganisationId must be an organisation id" })
  organiserOrganisationId?: string | null;

  @Field(() => String, { description: "The organiser's name, as published." })
  @Length(1, 200)
  organiserName!: string;

  @Field(() => Int, { description: "Places for children at each occurrence." })
  @IntegerBetween(0, 10_000)
  capacity!: number;

  @Field(() => Int, { defaultValue: 0, description: "Places for volunteers at each occurrence." })
  @IntegerBetween(0, 1000)
  volunteerCapacity!: number;

  @Field(() => Recurrence, { defaultValue: Recurrence.ONCE })
  recurrence!: Recurrence;

  @Field(() => DateScalar)
  startsOn!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The series' last day, on or after startsOn; required when recurring. A one-off activity leaves it out (or gives startsOn).",
  })
  @OnOrAfter("startsOn")
  endsOn?: Date | null;

  @Field(() => [Int], { defaultValue: [], description: "WEEKLY: ISO weekdays, 1 (Monday) to 7 (Sunday)." })
  @ArrayMaxSize(7)
  @IntegerBetween(1, 7, { each: true })
  weekdays!: number[];

  @Field(() => Int, { nullable: true, description: "YEARLY_LUNAR: the lunar month, 1 to 12." })
  @IsOptional()
  @IntegerBetween(1, 12)
  lunarMonth?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "YEARLY_LUNAR: the lunar day, 1 to 30, or 0 for the month's last day.",
  })
  @IsOptional()
  @IntegerBetween(0, 30)
  lunarDay?: number | null;

  @Field(() => Int, { description: "Local start time (Beijing time), minutes after midnight." })
  @IntegerBetween(0, 1439)
  startMinute!: number;

  @Field(() => Int)
  @IntegerBetween(15, 14 * 24 * 60)
  durationMinutes!: number;
}

@InputType({ description: "Which occurrences to list. Every condition given must hold." })
export class CalendarFilter {
  @Field(() => ID, {
    nullable: true,
    description: "Held in this region (a city, a county, or the province).",
  })
  @IsOptional()
  @Matches(REGION, { message: "region must be a six-digit region code" })
  region?: string | null;

  @Field(() => ID, { nullable: true, description: "Held at this home." })
  @IsOptional()
  @IsUUID("all", { message: "homeId must be a site id" })
  homeId?: string | null;

  @Field(() => ActivityKind, { nullable: true })
  kind?: ActivityKind | null;

  @Field(() => DateScalar, { nullable: true, description: "On or after this day." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "On or before this day; not before `from`." })
  @OnOrAfter("from")
  to?: Date | null;
}
