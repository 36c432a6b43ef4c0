import { PartnerScope } from "@lamplight/subgraph-kit";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { FundKind, Purpose } from "../../generated/prisma/enums.js";

export { FundKind, Purpose };

registerEnumType(FundKind, {
  name: "FundKind",
  description: "What kind of fund money is raised into.",
  valuesConfig: {
    PROVINCIAL_LOVE_FUND: { description: "The provincial love fund for left-behind students." },
    CITY_SPECIAL_FUND: { description: "A city's special fund for the programme." },
    RESTRICTED: {
      description: "A fund whose money may only be spent as its source requires (e.g. sports lottery).",
    },
  },
});

registerEnumType(Purpose, {
  name: "Purpose",
  description: 'What a gift is designated to: "every yuan is designated".',
  valuesConfig: {
    BUILDING_HOMES: { description: "Building homes for left-behind students." },
    SPORTS_CENTRE: { description: "The sports activity centre." },
    ACTIVITIES: { description: "Activities and campaigns (camps, New Year's Eve, libraries…)." },
    GENERAL: { description: "The programme's general work." },
    EQUIPMENT: { description: "Equipment for the homes (TV, computer, phone…)." },
  },
});

/** A fund of the programme. Public: the programme publishes what it raised and holds. */
@PartnerScope("read:funding")
@Directive('@key(fields: "id")')
@ObjectType({ description: "A fund the programme raises money into, with its own double-entry ledger." })
export class Fund {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Stable code, e.g. LOVE_FUND, CITY_510700, SPORTS_LOTTERY." })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => FundKind)
  kind!: FundKind;

  @Field(() => String, { description: "Region code of the body that runs the fund (510000: the province)." })
  ownerRegionCode!: string;

  @Field(() => Date)
  createdAt!: Date;
}
