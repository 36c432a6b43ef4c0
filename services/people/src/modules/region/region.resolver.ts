import { visibleCount } from "@lamplight/subgraph-kit";
import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { NeedCategory, NeedCount } from "../need/need.type.js";
import { regionChildrenCountLoader, regionNeedCountsLoader } from "./region.loader.js";
import { Region } from "./region.type.js";

/** De-identified figures per region: open to everyone, small counts suppressed for aggregate-only roles. */
@Resolver(() => Region)
export class RegionResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many children live in this region and every region below it. Null when small enough to point at a child, unless your role may see individual children.",
  })
  async childrenCount(@Root() region: Region, @Ctx() context: PeopleContext): Promise<number | null> {
    const count = await regionChildrenCountLoader(context).load(region.code);
    return visibleCount(context.principal, count, context.suppressBelow);
  }

  @FieldResolver(() => [NeedCount], {
    description:
      "How many children in this region have at least one assessed need of each category, every category listed.",
  })
  async childrenByNeed(@Root() region: Region, @Ctx() context: PeopleContext): Promise<NeedCount[]> {
    const counts = await regionNeedCountsLoader(context).load(region.code);
    return Object.values(NeedCategory).map((category) => ({
      category,
      count: visibleCount(context.principal, counts.get(category) ?? 0, context.suppressBelow),
    }));
  }
}
