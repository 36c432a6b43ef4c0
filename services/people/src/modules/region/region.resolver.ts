import { ListBound, maySeeIndividuals, type Principal, visibleCount } from "@lamplight/subgraph-kit";
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { NeedCategory, NeedCount } from "../need/need.type.js";
import { VolunteerKind } from "../volunteer/volunteer.type.js";
import {
  type ConsentedCount,
  regionChildrenCountLoader,
  regionNeedCountsLoader,
  regionVolunteerCountsLoader,
} from "./region.loader.js";
import { Region } from "./region.type.js";

@ObjectType({ description: "How many active volunteers of a kind serve in a region." })
export class VolunteerKindCount {
  @Field(() => VolunteerKind)
  kind!: VolunteerKind;

  @Field(() => Int, {
    nullable: true,
    description: "Null when small enough to point at a person and your role may not see individuals.",
  })
  count!: number | null;
}

/**
 * A count of children as this principal may see it. Roles that see individual children get every
 * child; everyone else (the public, partners, finance officers, volunteers) gets the published
 * figure: only children whose guardian consented to statistics, small counts suppressed.
 */
export function childrenFigure(
  principal: Principal,
  count: ConsentedCount,
  threshold: number,
): number | null {
  if (maySeeIndividuals(principal)) return count.all;
  return visibleCount(principal, count.consenting, threshold);
}

/** De-identified figures per region: open to everyone, small counts suppressed for aggregate-only roles. */
@Resolver(() => Region)
export class RegionResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many children live in this region and every region below it. For roles that may not see individual children: only children whose guardian consented to statistics, and null when small enough to point at a child.",
  })
  async childrenCount(@Root() region: Region, @Ctx() context: PeopleContext): Promise<number | null> {
    const count = await regionChildrenCountLoader(context).load(region.code);
    return childrenFigure(context.principal, count, context.suppressBelow);
  }

  @ListBound(Object.values(NeedCategory).length)
  @FieldResolver(() => [NeedCount], {
    description:
      "How many children in this region have at least one assessed need of each category, every category listed (same rules as childrenCount).",
  })
  async childrenByNeed(@Root() region: Region, @Ctx() context: PeopleContext): Promise<NeedCount[]> {
    const counts = await regionNeedCountsLoader(context).load(region.code);
    return Object.values(NeedCategory).map((category) => ({
      category,
      count: childrenFigure(
        context.principal,
        counts.get(category) ?? { all: 0, consenting: 0 },
        context.suppressBelow,
      ),
    }));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many active volunteers serve in this region and below. Null when small enough to point at a person, unless your role may see individuals.",
  })
  async volunteerCount(@Root() region: Region, @Ctx() context: PeopleContext): Promise<number | null> {
    const counts = await regionVolunteerCountsLoader(context).load(region.code);
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    return visibleCount(context.principal, total, context.suppressBelow);
  }

  @ListBound(Object.values(VolunteerKind).length)
  @FieldResolver(() => [VolunteerKindCount], {
    description:
      "Active volunteers in this region by kind, every kind listed; small counts suppressed as for volunteerCount.",
  })
  async volunteersByKind(
    @Root() region: Region,
    @Ctx() context: PeopleContext,
  ): Promise<VolunteerKindCount[]> {
    const counts = await regionVolunteerCountsLoader(context).load(region.code);
    return Object.values(VolunteerKind).map((kind) => ({
      kind,
      count: visibleCount(context.principal, counts.get(kind) ?? 0, context.suppressBelow),
    }));
  }
}
