import { ListBound, PartnerScope, seesEveryoneCounted } from "@lamplight/subgraph-kit";
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { NeedCategory, NeedCount } from "../need/need.type.js";
import { VolunteerKind } from "../volunteer/volunteer.type.js";
import {
  needKey,
  published,
  publishedChildrenLoader,
  publishedNeedsLoader,
  publishedVolunteersLoader,
  volunteerKey,
} from "./region.figures.js";
import {
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
    description:
      "Null when withheld: small enough to point at a person, or withheld so that one cannot be worked out by subtraction, unless you may see every volunteer counted.",
  })
  count!: number | null;
}

/** Whether the principal may see every child or volunteer living in this region: then its figures are exact. */
const seesEveryoneIn = (context: PeopleContext, code: string) =>
  seesEveryoneCounted(context.principal, { regionCodes: [code] });

/**
 * Figures per region, open to everyone: exact for whoever may see every person counted in the
 * region, the published figure (region.figures.ts) for everyone else, whatever their role.
 */
@Resolver(() => Region)
export class RegionResolver {
  @PartnerScope("read:people")
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many children live in this region and every region below it. Exact for whoever may see every child of the region; for everyone else the published figure: only children whose guardian consented to statistics, and null when withheld (small enough to point at a child, or withheld so that a small one cannot be worked out by subtraction).",
  })
  async childrenCount(@Root() region: Region, @Ctx() context: PeopleContext): Promise<number | null> {
    if (seesEveryoneIn(context, region.code))
      return (await regionChildrenCountLoader(context).load(region.code)).all;
    return published(publishedChildrenLoader(context), region.code);
  }

  @ListBound(Object.values(NeedCategory).length)
  @PartnerScope("read:people")
  @FieldResolver(() => [NeedCount], {
    description:
      "How many children in this region have at least one assessed need of each category, every category listed (same rules as childrenCount).",
  })
  async childrenByNeed(@Root() region: Region, @Ctx() context: PeopleContext): Promise<NeedCount[]> {
    const categories = Object.values(NeedCategory);
    if (seesEveryoneIn(context, region.code)) {
      const counts = await regionNeedCountsLoader(context).load(region.code);
      return categories.map((category) => ({ category, count: counts.get(category)?.all ?? 0 }));
    }
    const loader = publishedNeedsLoader(context);
    return Promise.all(
      categories.map(async (category) => ({
        category,
        count: await published(loader, needKey(category, region.code)),
      })),
    );
  }

  @PartnerScope("read:people")
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many active volunteers serve in this region and below. Exact for whoever may see every volunteer of the region; otherwise null when withheld (small enough to point at a person, or withheld so that a small one cannot be worked out by subtraction).",
  })
  async volunteerCount(@Root() region: Region, @Ctx() context: PeopleContext): Promise<number | null> {
    if (seesEveryoneIn(context, region.code)) {
      const counts = await regionVolunteerCountsLoader(context).load(region.code);
      return [...counts.values()].reduce((sum, count) => sum + count, 0);
    }
    return published(publishedVolunteersLoader(context), volunteerKey(region.code));
  }

  @ListBound(Object.values(VolunteerKind).length)
  @PartnerScope("read:people")
  @FieldResolver(() => [VolunteerKindCount], {
    description:
      "Active volunteers in this region by kind, every kind listed; withheld as for volunteerCount.",
  })
  async volunteersByKind(
    @Root() region: Region,
    @Ctx() context: PeopleContext,
  ): Promise<VolunteerKindCount[]> {
    const kinds = Object.values(VolunteerKind);
    if (seesEveryoneIn(context, region.code)) {
      const counts = await regionVolunteerCountsLoader(context).load(region.code);
      return kinds.map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
    }
    const loader = publishedVolunteersLoader(context);
    return Promise.all(
      kinds.map(async (kind) => ({ kind, count: await published(loader, volunteerKey(region.code, kind)) })),
    );
  }
}
