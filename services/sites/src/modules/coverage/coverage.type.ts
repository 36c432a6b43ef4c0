import { ListBound } from "@lamplight/subgraph-kit";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { SiteStatus } from "../site/site.type.js";

@ObjectType({ description: "How many homes of a region are in one status." })
export class StatusCount {
  @Field(() => SiteStatus)
  status!: SiteStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description: "What a region has: its homes, their places and equipment, and its other facilities.",
})
export class RegionCoverage {
  @Field(() => Int, { description: "Homes in the region and below, in every status." })
  homes!: number;

  @ListBound(Object.values(SiteStatus).length)
  @Field(() => [StatusCount], { description: "Homes per status, in lifecycle order; every status listed." })
  byStatus!: StatusCount[];

  @Field(() => Int)
  openHomes!: number;

  @Field(() => Int, { description: "Places for children in the open homes." })
  capacity!: number;

  @Field(() => Int, { description: "Open demonstration homes." })
  demonstrationHomes!: number;

  @Field(() => Int, { description: "Open homes holding the whole equipment standard." })
  compliantHomes!: number;

  @Field(() => Float, {
    nullable: true,
    description: "compliantHomes / openHomes, 0 to 1, to four decimals; null without open homes.",
  })
  equipmentComplianceRate!: number | null;

  @Field(() => Int)
  mobileLibraries!: number;

  @Field(() => Int)
  activityCentres!: number;
}

@ObjectType({ description: "A region's need for new homes: its places against its children." })
export class RegionNeed {
  /** The region's code; resolved to the Region by CoverageResolver. */
  code!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Its children (the people subgraph's count); null when suppressed for the caller.",
  })
  children!: number | null;

  @Field(() => Int, { description: "Places in its open homes." })
  capacity!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Places per child; null when the count is unknown or zero.",
  })
  coverageRatio!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "New homes of 60 places needed for every child to have a place.",
  })
  homesNeeded!: number | null;
}
