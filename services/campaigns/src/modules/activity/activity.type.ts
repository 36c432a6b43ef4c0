import { DateScalar, ListBound, PartnerScope } from "@lamplight/subgraph-kit";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ActivityKind, Recurrence } from "../../generated/prisma/enums.js";

export { ActivityKind, Recurrence };

registerEnumType(ActivityKind, {
  name: "ActivityKind",
  description: "The programme's kinds of activity.",
  valuesConfig: {
    NEW_YEARS_EVE: { description: '"Warm New Year\'s Eve" (除夕).' },
    MID_AUTUMN: { description: '"Love at Mid-Autumn" (中秋).' },
    LOVE_RELAY: { description: '"Love relay".' },
    SUMMER_CAMP: { description: "A summer camp." },
    WINTER_CAMP: { description: "A winter camp." },
    LETTER_WRITING: { description: "A letter-writing contest: children say what is in their hearts." },
    MOCK_COURT: { description: "A mock children's court." },
    SELF_PROTECTION: { description: '"I am a little adult" self-protection exercise.' },
    FILM_SHOWING: { description: "A film shown in the home." },
    READING: { description: '"Good books and plays": reading together.' },
    SCIENCE_MUSEUM: { description: "A visit to a science museum." },
    FAMILY_CALL: { description: "Family calls: children call their parents." },
    SPORTS: { description: "Sports and games." },
    OTHER: { description: "Anything else." },
  },
});

registerEnumType(Recurrence, {
  name: "Recurrence",
  description: "How an activity repeats.",
  valuesConfig: {
    ONCE: { description: "Held once, on startsOn." },
    WEEKLY: { description: "On the given weekdays of every week between startsOn and endsOn." },
    YEARLY_LUNAR: {
      description: "Every year on a day of the Chinese lunar calendar (e.g. 八月十五 for Mid-Autumn).",
    },
  },
});

/** An activity of the programme. Public: the calendar is published. */
@PartnerScope("read:campaigns")
@ObjectType({ description: "An activity held at one or more homes, or off-site; once or recurring." })
export class Activity {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "Where an off-site activity is held; null at homes." })
  venue!: string | null;

  @Field(() => String, { description: "Who organises it, as published." })
  organiserName!: string;

  @Field(() => Int, { description: "Places for children at each occurrence." })
  capacity!: number;

  @Field(() => Int, { description: "Places for volunteers at each occurrence." })
  volunteerCapacity!: number;

  @Field(() => Recurrence)
  recurrence!: Recurrence;

  @Field(() => DateScalar, { description: "The first day of the activity (of its series)." })
  startsOn!: Date;

  @Field(() => DateScalar, { description: "The last day of its series (startsOn for a one-off activity)." })
  endsOn!: Date;

  @ListBound(7)
  @Field(() => [Int], { description: "WEEKLY: ISO weekdays, 1 (Monday) to 7 (Sunday)." })
  weekdays!: number[];

  @Field(() => Int, { nullable: true, description: "YEARLY_LUNAR: the lunar month, 1 to 12." })
  lunarMonth!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "YEARLY_LUNAR: the lunar day, 1 to 30, or 0 for the month's last day (除夕 is month 12, day 0).",
  })
  lunarDay!: number | null;

  @Field(() => Int, { description: "Local start time (Beijing time), minutes after midnight." })
  startMinute!: number;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Date)
  createdAt!: Date;

  projectId!: string | null;
  regionCode!: string;
  cityCode!: string;
  organiserOrganisationId!: string | null;
}

/** One date of an activity. */
@PartnerScope("read:campaigns")
@ObjectType({ description: "One date of an activity: where children and volunteers register." })
export class Occurrence {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar, { description: "The local day (Beijing time)." })
  date!: Date;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  activityId!: string;
  regionCode!: string;
  cityCode!: string;
}

@ObjectType({ description: "How many occurrences of one kind were held in one month." })
export class ActivityCount {
  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => String, { description: "The month, YYYY-MM (Beijing time)." })
  month!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType("OccurrencePlaces", { description: "Places taken and left at one occurrence." })
export class Places {
  @Field(() => Int, { nullable: true })
  childrenConfirmed!: number | null;

  @Field(() => Int, { nullable: true })
  childrenWaiting!: number | null;

  @Field(() => Int, { nullable: true })
  childrenLeft!: number | null;

  @Field(() => Int)
  volunteersConfirmed!: number;

  @Field(() => Int)
  volunteersWaiting!: number;

  @Field(() => Int)
  volunteersLeft!: number;
}
