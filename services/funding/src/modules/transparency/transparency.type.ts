import { Money } from "@lamplight/subgraph-kit";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum GrantGroupBy {
  FUND = "FUND",
  CITY = "CITY",
  PURPOSE = "PURPOSE",
  RECIPIENT_KIND = "RECIPIENT_KIND",
  SITE = "SITE",
  PROJECT = "PROJECT",
  YEAR = "YEAR",
  MONTH = "MONTH",
}
registerEnumType(GrantGroupBy, {
  name: "GrantGroupBy",
  description: "How grantTotals groups the approved grants.",
  valuesConfig: {
    FUND: { description: "Per fund; key is the fund's code." },
    CITY: { description: "Per city the money went to; key is the city's region code." },
    PURPOSE: { description: "Per designation purpose." },
    RECIPIENT_KIND: { description: "Homes, projects and cities." },
    SITE: { description: "Per home; key is the Site id (grants to homes only)." },
    PROJECT: { description: "Per campaign project; key is the Project id (grants to projects only)." },
    YEAR: { description: "Per year of award; key is YYYY." },
    MONTH: { description: "Per month of award; key is YYYY-MM." },
  },
});

export enum GivingFormat {
  JSON = "JSON",
  CSV = "CSV",
}
registerEnumType(GivingFormat, { name: "GivingFormat", description: "A 360Giving serialisation." });

@ObjectType({ description: "Grants approved in one group. Aggregate: no donor identities." })
export class GrantTotal {
  @Field(() => String)
  key!: string;

  @Field(() => String, { description: "A readable name for the group." })
  label!: string;

  @Field(() => Money, { description: "Awarded." })
  awarded!: Money;

  @Field(() => Money, { description: "Paid out so far." })
  disbursed!: Money;

  @Field(() => Int, { description: "How many grants." })
  grants!: number;
}
