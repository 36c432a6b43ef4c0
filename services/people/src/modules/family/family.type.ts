import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { GuardianRelationship, ParentRole } from "../../generated/prisma/enums.js";

export { ParentRole };

registerEnumType(ParentRole, { name: "ParentRole" });

/** Someone the child lives with. The name and relationship are personal; the phone is a family contact. */
@ObjectType({ description: "A guardian of the child: someone they live with while the parents work away." })
export class Guardian {
  @Field(() => ID)
  id!: string;

  studentId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GuardianRelationship)
  relationship!: GuardianRelationship;

  @Field(() => Boolean, { description: "The child lives in this guardian's household." })
  livesWithChild!: boolean;

  @Field(() => Boolean, { description: "The main guardian, as on the child's record." })
  isPrimary!: boolean;

  phone!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

/** A parent working away: every field but the id is a family contact (staff only). */
@ObjectType({ description: "A migrant parent: where they work, for whom, how to reach them. Staff only." })
export class MigrantParent {
  @Field(() => ID)
  id!: string;

  studentId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ParentRole)
  role!: ParentRole;

  @Field(() => String, { description: "e.g. 广东省东莞市" })
  workCity!: string;

  @Field(() => String, { nullable: true })
  employer!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}
