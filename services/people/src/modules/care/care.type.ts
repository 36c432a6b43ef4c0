import { DateScalar } from "@lamplight/subgraph-kit";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { CareKind } from "../../generated/prisma/enums.js";

export { CareKind };

registerEnumType(CareKind, {
  name: "CareKind",
  valuesConfig: {
    VISIT: { description: "A visit to the child at home or at the home for left-behind students." },
    FAMILY_CALL: { description: "A call between the child and a parent working away." },
    HEALTH_CHECK: { description: "A health check-up." },
    COUNSELLING: { description: "A counselling session." },
  },
});

/**
 * One act of care. Reached only through a child's careRecords or a pairing's checkIns, both
 * guarded as personal data; the notes are never shown to anyone who may not see the child.
 */
@ObjectType({ description: "One act of care for a child (a visit, a family call, a check-up, counselling)." })
export class CareRecord {
  @Field(() => ID)
  id!: string;

  studentId!: string;
  volunteerId!: string | null;
  pairingId!: string | null;
  recordedBy!: string | null;

  @Field(() => CareKind)
  kind!: CareKind;

  @Field(() => DateScalar)
  happenedOn!: Date;

  @Field(() => Int, { nullable: true })
  durationMinutes!: number | null;

  @Field(() => String, { description: "What happened (care notes)." })
  notes!: string;

  @Field(() => Date)
  createdAt!: Date;
}
