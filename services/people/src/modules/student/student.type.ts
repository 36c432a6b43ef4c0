import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Gender, GuardianRelationship } from "../../generated/prisma/enums.js";

export { Gender, GuardianRelationship };

registerEnumType(Gender, { name: "Gender", description: "A child's gender as recorded at registration." });

registerEnumType(GuardianRelationship, {
  name: "GuardianRelationship",
  description: "Who looks after the child while the parents work away.",
  valuesConfig: {
    GRANDPARENT: { description: "A grandparent: the most common guardian of a left-behind child." },
    PARENT: { description: "A parent who stayed at home while the other works away." },
    SIBLING: { description: "An adult brother or sister." },
    OTHER_RELATIVE: { description: "An uncle, aunt or other relative." },
    OTHER: { description: "A neighbour, family friend or anyone else entrusted with the child." },
  },
});

@ObjectType({ description: "What the child's guardian has consented to." })
export class StudentConsent {
  @Field(() => Boolean, { description: "The record may be shared with partner organisations." })
  sharePartners!: boolean;

  @Field(() => Boolean, { description: "Photos of the child may be taken and published." })
  photos!: boolean;

  @Field(() => Boolean, { description: "The child may be counted in published statistics." })
  statistics!: boolean;
}

/**
 * A left-behind student: a minor whose parents work away. Only `id`, `grade`, `region`, `consent`
 * and the timestamps are plain fields. Everything that identifies the child or the family is
 * declared in StudentResolver behind @Sensitive: null with REDACTED for anyone who may not see
 * this child, and audited for everyone who may. The properties below without @Field are the
 * stored columns those resolvers read.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A left-behind student. Personal fields are null (with a REDACTED error) unless your role may see this child; every read of them is audited.",
})
export class Student {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "The school grade: 1–6 primary, 7–9 junior middle, 10–12 senior middle." })
  grade!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  /** The county-level region; resolved to a Region by StudentResolver.region. */
  regionCode!: string;
  cityCode!: string;
  siteId!: string | null;

  name!: string;
  gender!: Gender;
  birthDate!: Date;
  school!: string | null;
  guardianName!: string;
  guardianRelationship!: GuardianRelationship;
  guardianPhone!: string | null;
  parentWorkCity!: string | null;
  parentEmployer!: string | null;
  parentPhone!: string | null;
  consentSharePartners!: boolean;
  consentPhotos!: boolean;
  consentStatistics!: boolean;
}
