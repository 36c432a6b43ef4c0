import type { RegionLevel as RegionLevelName, RegionRecord } from "@lamplight/regions";
import { PartnerScope } from "@lamplight/subgraph-kit";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum RegionLevel {
  PROVINCE = "PROVINCE",
  CITY = "CITY",
  COUNTY = "COUNTY",
}
registerEnumType(RegionLevel, {
  name: "RegionLevel",
  description: "Where a region sits in the administrative hierarchy.",
  valuesConfig: {
    PROVINCE: { description: "The province." },
    CITY: { description: "A prefecture-level city or autonomous prefecture." },
    COUNTY: { description: "A county-level division: district, county, county-level city." },
  },
});

/** An administrative region, keyed by its official six-digit code. Other subgraphs extend it. */
@PartnerScope("read:sites")
@Directive('@key(fields: "code")')
@ObjectType({
  description: "An administrative region of the province, keyed by its official six-digit code.",
})
export class Region {
  @Field(() => ID, { description: 'The official administrative division code, e.g. "510700" for Mianyang.' })
  code!: string;

  @Field(() => String, { description: 'The Chinese name, e.g. "绵阳市".' })
  name!: string;

  @Field(() => String, { description: 'The romanised name, e.g. "Mianyang".' })
  pinyin!: string;

  @Field(() => RegionLevel)
  level!: RegionLevel;

  /** The parent code; resolved to a Region by RegionResolver.parent. */
  parentCode!: string | null;

  // Owned by the people subgraph (null when the count is suppressed); the gateway passes it in
  // the representation for the coverage fields that @requires it.
  @Field(() => Int, { nullable: true })
  @Directive("@external")
  childrenCount?: number | null;

  /**
   * The people subgraph's child counts of the regions directly below, in `children` order, when
   * the gateway passes them for a field that @requires `children { childrenCount }`.
   */
  childCounts?: (number | null)[];

  static from(record: RegionRecord): Region {
    const region = new Region();
    region.code = record.code;
    region.name = record.name;
    region.pinyin = record.pinyin;
    region.level = record.level as RegionLevelName as RegionLevel;
    region.parentCode = record.parent;
    return region;
  }
}
