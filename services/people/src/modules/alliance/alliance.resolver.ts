import { BadUserInputError, NotFoundError, Role } from "@lamplight/platform";
import { todayInProvince } from "@lamplight/regions";
import { Allow, DateScalar, isUuid, ListBound, PUBLIC } from "@lamplight/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { PeopleContext } from "../../context.js";
import { Organisation } from "../organisation/organisation.type.js";
import { membershipsLoader } from "./alliance.loader.js";
import { AllianceMembership } from "./alliance.type.js";

function notInFuture(day: Date, field: string): void {
  if (day > todayInProvince()) throw new BadUserInputError(`${field} is in the future`, { field });
}

/** Membership of the caring alliance: public, kept by province admins. */
@Resolver(() => Organisation)
export class AllianceResolver {
  @ListBound(50)
  @FieldResolver(() => [AllianceMembership], { description: "Alliance memberships, the latest first." })
  @Allow(PUBLIC)
  allianceMemberships(
    @Root() organisation: Organisation,
    @Ctx() context: PeopleContext,
  ): Promise<AllianceMembership[]> {
    return membershipsLoader(context).load(organisation.id);
  }

  @FieldResolver(() => Boolean, { description: "A member of the caring alliance today." })
  @Allow(PUBLIC)
  async allianceMember(@Root() organisation: Organisation, @Ctx() context: PeopleContext): Promise<boolean> {
    const memberships = await membershipsLoader(context).load(organisation.id);
    const now = todayInProvince();
    return memberships.some(
      (membership) => membership.joinedOn <= now && (membership.leftOn === null || membership.leftOn >= now),
    );
  }

  @Mutation(() => AllianceMembership, {
    description: "Records an organisation joining the caring alliance. CONFLICT if it is a member already.",
  })
  @Allow(Role.PROVINCE_ADMIN)
  joinAlliance(
    @Arg("organisationId", () => ID) organisationId: string,
    @Arg("joinedOn", () => DateScalar) joinedOn: Date,
    @Ctx() context: PeopleContext,
  ): Promise<AllianceMembership> {
    notInFuture(joinedOn, "joinedOn");
    if (!isUuid(organisationId)) throw new NotFoundError("Organisation", organisationId);
    return context.allianceService.join(organisationId, joinedOn);
  }

  @Mutation(() => AllianceMembership, { description: "Ends an alliance membership on a date." })
  @Allow(Role.PROVINCE_ADMIN)
  leaveAlliance(
    @Arg("membershipId", () => ID) membershipId: string,
    @Arg("leftOn", () => DateScalar) leftOn: Date,
    @Ctx() context: PeopleContext,
  ): Promise<AllianceMembership> {
    notInFuture(leftOn, "leftOn");
    if (!isUuid(membershipId)) throw new NotFoundError("AllianceMembership", membershipId);
    return context.allianceService.leave(membershipId, leftOn);
  }
}
