import { DateScalar, IntegerBetween } from "@lamplight/subgraph-kit";
import { IsOptional, IsUUID, Length, Matches } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";

const NOT_BLANK = /\S/;

@InputType({ description: "A volunteer to pair with a child." })
export class PairVolunteerInput {
  @Field(() => ID)
  @IsUUID("all", { message: "volunteerId must be a volunteer id" })
  volunteerId!: string;

  @Field(() => ID)
  @IsUUID("all", { message: "studentId must be a student id" })
  studentId!: string;

  @Field(() => String, {
    description: "Why this child needs this volunteer (personal data about the child).",
  })
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: "reason must not be blank" })
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: "Today when left out; not in the future." })
  startedOn?: Date | null;

  @Field(() => Int, { defaultValue: 14, description: "Expected check-in cadence, 1 to 90 days." })
  @IntegerBetween(1, 90)
  checkInEveryDays!: number;
}

@InputType({ description: "How a pairing ends." })
export class EndPairingInput {
  @Field(() => DateScalar, { nullable: true, description: "Today when left out; not before the start." })
  endedOn?: Date | null;

  @Field(() => String)
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: "reason must not be blank" })
  reason!: string;
}

@InputType({ description: "Which overdue pairings to list." })
export class OverduePairingFilter {
  @Field(() => ID, { nullable: true, description: "Children living in this region (any level)." })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: "region must be a six-digit region code" })
  region?: string | null;
}
