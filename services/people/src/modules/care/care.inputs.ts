import { DateScalar, IntegerBetween } from "@lamplight/subgraph-kit";
import { IsOptional, IsUUID, Length, Matches } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { CareKind } from "./care.type.js";

@InputType({ description: "An act of care to record." })
export class RecordCareInput {
  @Field(() => ID)
  @IsUUID("all", { message: "studentId must be a student id" })
  studentId!: string;

  @Field(() => CareKind)
  kind!: CareKind;

  @Field(() => DateScalar, { description: "Not in the future." })
  happenedOn!: Date;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IntegerBetween(1, 1440)
  durationMinutes?: number | null;

  @Field(() => String)
  @Length(1, 2000)
  @Matches(/\S/, { message: "notes must not be blank" })
  notes!: string;
}
