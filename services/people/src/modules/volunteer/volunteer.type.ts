import { DateScalar, ListBound } from "@lamplight/subgraph-kit";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  TrainingTopic,
  VolunteerKind,
  VolunteerSkill,
  VolunteerStatus,
  Weekday,
} from "../../generated/prisma/enums.js";

export { TrainingTopic, VolunteerKind, VolunteerSkill, VolunteerStatus, Weekday };

registerEnumType(VolunteerKind, {
  name: "VolunteerKind",
  description: "Who the volunteer is; professional volunteers are sought especially.",
  valuesConfig: {
    COLLEGE_STUDENT: { description: "A college student (including western-region programme volunteers)." },
    FIVE_ELDERS: {
      description: "One of the 'five elders': retired cadres, veterans, experts, teachers, model workers.",
    },
    OFFICIAL: { description: "A government official asked to pair with children." },
    TEACHER: { description: "A teacher (professional volunteer)." },
    DOCTOR: { description: "A doctor (professional volunteer)." },
    LAWYER: { description: "A lawyer or legal worker (professional volunteer)." },
    PSYCHOLOGICAL_COUNSELLOR: { description: "A psychological counsellor (professional volunteer)." },
    OTHER: { description: "Anyone else." },
  },
});

registerEnumType(VolunteerStatus, {
  name: "VolunteerStatus",
  description: "Registration: APPLIED → VETTED → ACTIVE → INACTIVE (and back to ACTIVE).",
  valuesConfig: {
    APPLIED: { description: "Registered, not yet vetted." },
    VETTED: { description: "Background check for working with minors passed; not yet serving." },
    ACTIVE: { description: "Serving: may be paired with children while the check and training are current." },
    INACTIVE: { description: "Stopped serving; open pairings were ended. May be activated again." },
  },
});

registerEnumType(VolunteerSkill, {
  name: "VolunteerSkill",
  description: "What a volunteer can offer a child; matching relates skills to assessed needs.",
});
registerEnumType(Weekday, { name: "Weekday" });
registerEnumType(TrainingTopic, {
  name: "TrainingTopic",
  description: "What a training covered. A current CHILD_PROTECTION training is needed for pairing.",
});

@ObjectType({ description: "When a volunteer is free to serve." })
export class Availability {
  @ListBound(Object.values(Weekday).length)
  @Field(() => [Weekday])
  days!: Weekday[];

  @Field(() => Int, { description: "Hours a week." })
  weeklyHours!: number;
}

@ObjectType({ description: "The background check for working with minors." })
export class BackgroundCheck {
  @Field(() => DateScalar)
  checkedOn!: Date;

  @Field(() => DateScalar)
  expiresOn!: Date;

  @Field(() => String, {
    nullable: true,
    description: "The reference of the check (e.g. the police record).",
  })
  reference!: string | null;

  @Field(() => Boolean, { description: "Not expired today." })
  current!: boolean;
}

@ObjectType({ description: "A training a volunteer attended." })
export class Training {
  @Field(() => ID)
  id!: string;

  volunteerId!: string;

  @Field(() => TrainingTopic)
  topic!: TrainingTopic;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar)
  completedOn!: Date;

  @Field(() => String, { nullable: true })
  certificateNumber!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Null: does not expire." })
  expiresOn!: Date | null;
}

@ObjectType({ description: "Minutes a volunteer served on a day." })
export class ServiceLog {
  @Field(() => ID)
  id!: string;

  volunteerId!: string;

  @Field(() => DateScalar)
  servedOn!: Date;

  @Field(() => Int)
  minutes!: number;

  @Field(() => ID, {
    nullable: true,
    description: "The campaigns subgraph's activity, if the service was at one.",
  })
  activityId!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

/**
 * A registered volunteer. Kind, status, region, skills and availability are plain fields; the
 * name, phone, background check, trainings, service log and pairings are personal data, declared
 * in VolunteerResolver behind @Sensitive. `activityMinutes` comes from the campaigns subgraph.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A volunteer. Personal fields are null (with a REDACTED error) unless you are this volunteer or staff covering their region; reads are audited.",
})
export class Volunteer {
  @Field(() => ID)
  id!: string;

  @Field(() => VolunteerKind)
  kind!: VolunteerKind;

  @Field(() => VolunteerStatus)
  status!: VolunteerStatus;

  @ListBound(Object.values(VolunteerSkill).length)
  @Field(() => [VolunteerSkill])
  skills!: VolunteerSkill[];

  @Field(() => Date)
  statusChangedAt!: Date;

  @Field(() => Date)
  createdAt!: Date;

  @Directive("@external")
  @Field(() => Int, {
    description: "Minutes served at activities (attendance), from the campaigns subgraph.",
  })
  activityMinutes?: number;

  regionCode!: string;
  cityCode!: string;
  name!: string;
  phone!: string | null;
  availableDays!: Weekday[];
  weeklyHours!: number;
  backgroundCheckedOn!: Date | null;
  backgroundCheckExpiresOn!: Date | null;
  backgroundCheckReference!: string | null;
  inactiveReason!: string | null;
}
