import { IntegerBetween } from "@lamplight/subgraph-kit";
import { IsOptional, IsUUID } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType("RegisterChildForActivityInput", {
  description: "A child registered for an occurrence by the staff of the home they attend.",
})
export class RegisterChildInput {
  @Field(() => ID)
  @IsUUID("all", { message: "occurrenceId must be an occurrence id" })
  occurrenceId!: string;

  @Field(() => ID, { description: "The child (people's Student)." })
  @IsUUID("all", { message: "studentId must be a student id" })
  studentId!: string;

  @Field(() => ID, { description: "The home the child attends: you must be able to act for it." })
  @IsUUID("all", { message: "homeId must be a site id" })
  homeId!: string;
}

@InputType("RegisterVolunteerForActivityInput", {
  description: "A volunteer registered for an occurrence: themselves, or by the activity's staff.",
})
export class RegisterVolunteerInput {
  @Field(() => ID)
  @IsUUID("all", { message: "occurrenceId must be an occurrence id" })
  occurrenceId!: string;

  @Field(() => ID, { nullable: true, description: "The volunteer; yourself when left out." })
  @IsOptional()
  @IsUUID("all", { message: "volunteerId must be a volunteer id" })
  volunteerId?: string | null;
}

@InputType("RecordActivityAttendanceInput", {
  description: "Whether a confirmed participant came, and for how long.",
})
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsUUID("all", { message: "registrationId must be a registration id" })
  registrationId!: string;

  @Field(() => Boolean)
  attended!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Minutes served or spent; the occurrence's length when left out (0 when absent).",
  })
  @IsOptional()
  @IntegerBetween(0, 1440)
  minutes?: number | null;
}
