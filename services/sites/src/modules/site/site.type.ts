import { DateScalar, PartnerScope } from "@lamplight/subgraph-kit";
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { HostModel, SiteKind, SiteStatus } from "../../generated/prisma/enums.js";

export { HostModel, SiteKind, SiteStatus };

registerEnumType(SiteKind, {
  name: "SiteKind",
  description: "What kind of facility a site is.",
  valuesConfig: {
    HOME: { description: "A home for left-behind students." },
    MOBILE_LIBRARY: { description: "A mobile love library, calling at homes along its route." },
    ACTIVITY_CENTRE: { description: "An activity centre (sports, training) serving the homes around it." },
  },
});

registerEnumType(HostModel, {
  name: "HostModel",
  description: "Who hosts a home for left-behind students.",
  valuesConfig: {
    SCHOOL: { description: "Hosted by a school." },
    TOWN_WORK_UNIT: { description: "Hosted by a township work unit." },
    SOCIAL_ORGANISATION: { description: "Hosted by a social organisation." },
    VILLAGE_COMMITTEE: { description: "Hosted by the village committee." },
    FAMILY: { description: "Hosted by a family." },
  },
});

registerEnumType(SiteStatus, {
  name: "SiteStatus",
  description: "Where a home is in its life, from proposal to closing.",
});

@ObjectType({ description: "A point on the map (WGS 84)." })
export class GeoPoint {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

/** A home for left-behind students. The region, location and history resolve in SiteResolver. */
@PartnerScope("read:sites")
@Directive('@key(fields: "id")')
@ObjectType({ description: "A home for left-behind students: a safe place to study, live and play." })
export class Site {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  /** The county-level region code; resolved to a Region by SiteResolver.region. */
  regionCode!: string;

  @Field(() => String)
  address!: string;

  @Field(() => HostModel)
  hostModel!: HostModel;

  @Field(() => SiteKind, { description: "A home, or a facility of another kind." })
  kind!: SiteKind;

  @Field(() => Boolean, { description: "A demonstration site, held up as a model for others." })
  demonstration!: boolean;

  @Field(() => Int, { description: "How many children the home can take in." })
  capacity!: number;

  @Field(() => SiteStatus)
  status!: SiteStatus;

  @Field(() => DateScalar, { nullable: true, description: "The day the home opened, once it has." })
  openedOn!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  /** Stored as exact decimals; exposed as GeoPoint by SiteResolver.location. */
  latitude!: { toString(): string } | null;
  longitude!: { toString(): string } | null;
}
