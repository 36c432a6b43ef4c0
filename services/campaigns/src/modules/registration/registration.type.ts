import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Participant, RegistrationStatus } from "../../generated/prisma/enums.js";

export { Participant, RegistrationStatus };

registerEnumType(Participant, {
  name: "ActivityParticipant",
  description: "Who a registration is for.",
  valuesConfig: {
    CHILD: { description: "A left-behind student, registered by the staff of their home." },
    VOLUNTEER: { description: "A volunteer serving at the activity." },
  },
});

registerEnumType(RegistrationStatus, {
  name: "RegistrationStatus",
  description: "Where a registration stands.",
  valuesConfig: {
    CONFIRMED: { description: "Has a place." },
    WAITLISTED: { description: "On the waiting list: promoted, in order, when a place is given back." },
    CANCELLED: { description: "Given back." },
  },
});

/** A child or a volunteer registered for one occurrence. Staff only. */
@ObjectType("ActivityRegistration", {
  description: "A child or a volunteer registered for one occurrence of an activity.",
})
export class Registration {
  @Field(() => ID)
  id!: string;

  @Field(() => Participant)
  participant!: Participant;

  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Field(() => Date)
  registeredAt!: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether they came; null until attendance is recorded.",
  })
  attended!: boolean | null;

  @Field(() => Int, { nullable: true, description: "Minutes served (volunteers) or spent (children)." })
  minutes!: number | null;

  occurrenceId!: string;
  activityId!: string;
  studentId!: string | null;
  volunteerId!: string | null;
  homeId!: string | null;
}

@ObjectType("RegistrationCancellation", {
  description: "A registration given back, and the one promoted from the waiting list in its place.",
})
export class Cancellation {
  @Field(() => Registration)
  cancelled!: Registration;

  @Field(() => Registration, {
    nullable: true,
    description: "Next in line, now confirmed; null when nobody was waiting.",
  })
  promoted!: Registration | null;
}
