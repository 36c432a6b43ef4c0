import {
  type ConnectionResult,
  emptyConnection,
  PageArgs,
  PartnerScope,
  pageRequest,
  seesEveryoneCounted,
} from "@lamplight/subgraph-kit";
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { homeKey, published, publishedChildrenLoader } from "../region/region.figures.js";
import { isEmptyScope, studentScopeOf } from "../student/student.policy.js";
import { StudentConnection } from "../student/student.resolver.js";
import type { Student } from "../student/student.type.js";
import { childrenCountLoader, studentPageLoader } from "./site.loader.js";
import { Site } from "./site.type.js";

@Resolver(() => Site)
export class SiteResolver {
  /**
   * Never an error: a list of homes shown to the public or a partner would otherwise lose every
   * home's other fields. Whoever may not see a home's children gets an empty connection (and the
   * de-identified childrenCount).
   */
  @PartnerScope("read:people")
  @FieldResolver(() => StudentConnection, {
    description:
      "The children attending this home whom you may see: all of them for its site manager, officials whose region covers them and province admins; none for anyone else (see childrenCount).",
  })
  async students(
    @Root() site: Site,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: PeopleContext,
  ): Promise<ConnectionResult<Student>> {
    const page = pageRequest(args);
    if (isEmptyScope(await studentScopeOf(context))) return emptyConnection(page);
    return studentPageLoader(context, page).load(site.id);
  }

  @PartnerScope("read:people")
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many children attend this home. Exact for its site manager and whoever may see every child attending it; for everyone else the published figure: only children whose guardian consented to statistics, and null when withheld (small enough to point at a child, or withheld so that a small one cannot be worked out by subtraction).",
  })
  async childrenCount(@Root() site: Site, @Ctx() context: PeopleContext): Promise<number | null> {
    const count = await childrenCountLoader(context).load(site.id);
    // No child at all is 0 for everyone: the published table need not be consulted.
    if (count.all === 0) return 0;
    if (seesEveryoneCounted(context.principal, { regionCodes: count.regionCodes, siteId: site.id }))
      return count.all;
    return published(publishedChildrenLoader(context), homeKey(site.id));
  }
}
