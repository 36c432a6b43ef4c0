import { DateScalar } from "@lamplight/subgraph-kit";
import { Field, ID, Int, ObjectType } from "type-graphql";

/**
 * One-to-one support of a child by a volunteer. The child and volunteer are references whose own
 * personal fields follow their own rules; the pairing's reason is personal data about the child.
 */
@ObjectType({
  description:
    "A volunteer's one-to-one support of a child: from a start to an end, with check-ins expected at a cadence.",
})
export class Pairing {
  @Field(() => ID)
  id!: string;

  volunteerId!: string;
  studentId!: string;
  reason!: string;

  @Field(() => DateScalar)
  startedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Null while the pairing lasts." })
  endedOn!: Date | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field(() => Int, { description: "The volunteer is expected to check in every so many days." })
  checkInEveryDays!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The last check-in (a care record by the volunteer).",
  })
  lastCheckInOn!: Date | null;

  @Field(() => DateScalar, { description: "When the next check-in is due." })
  nextCheckInDue!: Date;

  @Field(() => Date)
  createdAt!: Date;
}
