import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationKind } from "../../generated/prisma/enums.js";

export { OrganisationKind };

registerEnumType(OrganisationKind, {
  name: "OrganisationKind",
  description: "What kind of body takes part in the programme.",
  valuesConfig: {
    GOVERNMENT_UNIT: {
      description:
        "A member unit of the leading group (public security, education, the women's federation…).",
    },
    ALLIANCE_COMPANY: { description: "A company in the caring alliance." },
    ALLIANCE_SOCIAL_GROUP: { description: "A social group or charity in the caring alliance." },
    ALLIANCE_MEDIA: { description: "A newspaper, broadcaster or other medium in the caring alliance." },
    SCHOOL: { description: "A school that hosts homes or teaches the children." },
    VENDOR: { description: "A supplier of equipment for the homes (TVs, computers, phones)." },
  },
});

/** A body that takes part in the programme. Public information: nothing here is personal data. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A body taking part in the programme: a member unit of the leading group, an alliance member, a school or a vendor.",
})
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  /** The region it works in, at any level; resolved to a Region by OrganisationResolver.region. */
  regionCode!: string;

  @Field(() => Date)
  createdAt!: Date;
}
