import { BadUserInputError, ForbiddenError, NotFoundError } from "@lamplight/platform";
import { getRegion, isRegionCode } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  checkIntegerBetween,
  emptyConnection,
  PageArgs,
  PUBLIC,
  pageOfList,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CampaignsContext } from "../../context.js";
import { homeLoader } from "../activity/activity.loader.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Region } from "../region/region.type.js";
import { Site } from "../site/site.type.js";
import { Student } from "../student/student.type.js";
import { Volunteer } from "../volunteer/volunteer.type.js";
import { CreateAwardSelectionInput, NominateInput, ScoreNominationInput } from "./award.inputs.js";
import { nominationLoader, reviewsLoader, scoreSummaryLoader, selectionLoader } from "./award.loader.js";
import {
  assertManagesSelection,
  assertMayNominate,
  assertNoConflictOfInterest,
  assertStatus,
  isOnPanel,
  maySeeNominations,
  NOMINATORS,
  NOMINEES_OF,
  SELECTION_MANAGERS,
  SIGNED_IN,
} from "./award.policy.js";
import {
  Award,
  AwardCategory,
  AwardSelection,
  Nomination,
  NomineeKind,
  Review,
  ScoreSummary,
  SelectionStatus,
} from "./award.type.js";

export const AwardSelectionConnection = Connection(AwardSelection);
export const NominationConnection = Connection(Nomination);
export const AwardConnection = Connection(Award);
export const ReviewConnection = Connection(Review, "AwardReview");

async function selectionOrThrow(context: CampaignsContext, id: string): Promise<AwardSelection> {
  const selection = await selectionLoader(context).load(id);
  if (!selection) throw new NotFoundError("AwardSelection", id);
  return selection;
}

/** The nominee fields a kind needs, and no others. */
function checkNominee(input: NominateInput): void {
  const need = (value: unknown, field: string) => {
    if (!value) {
      throw new BadUserInputError(`A ${input.nomineeKind} nomination needs input.${field}`, {
        field: `input.${field}`,
      });
    }
  };
  const none = (value: unknown, field: string) => {
    if (value) {
      throw new BadUserInputError(`A ${input.nomineeKind} nomination takes no input.${field}`, {
        field: `input.${field}`,
      });
    }
  };
  switch (input.nomineeKind) {
    case NomineeKind.STUDENT:
      need(input.studentId, "studentId");
      need(input.siteId, "siteId");
      none(input.volunteerId, "volunteerId");
      none(input.carerName, "carerName");
      break;
    case NomineeKind.VOLUNTEER:
      need(input.volunteerId, "volunteerId");
      none(input.studentId, "studentId");
      none(input.carerName, "carerName");
      break;
    case NomineeKind.CARER:
      need(input.carerName?.trim(), "carerName");
      need(input.siteId, "siteId");
      none(input.studentId, "studentId");
      none(input.volunteerId, "volunteerId");
      break;
    case NomineeKind.HOME:
      need(input.siteId, "siteId");
      none(input.studentId, "studentId");
      none(input.volunteerId, "volunteerId");
      none(input.carerName, "carerName");
      break;
  }
}

@Resolver(() => AwardSelection)
export class AwardSelectionResolver {
  @Query(() => AwardSelection, {
    nullable: true,
    description: "One award selection; null when there is none.",
  })
  @Allow(PUBLIC)
  awardSelection(
    @Arg("id", () => ID) id: string,
    @Ctx() context: CampaignsContext,
  ): Promise<AwardSelection | null> {
    return selectionLoader(context).load(id);
  }

  @Query(() => AwardSelectionConnection, { description: "Award selections, newest year first." })
  @Allow(PUBLIC)
  awardSelections(
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Arg("category", () => AwardCategory, { nullable: true }) category: AwardCategory | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<AwardSelection>> {
    if (year !== null) checkIntegerBetween(year, "year", 2000, 2100);
    return context.awards.listSelections({ year, category }, pageRequest(page));
  }

  @Mutation(() => AwardSelection, {
    description:
      "Opens a yearly selection for nominations, with its review panel. Province admins; city admins for their city's own.",
  })
  @Allow(...SELECTION_MANAGERS)
  createAwardSelection(
    @Arg("input", () => CreateAwardSelectionInput) input: CreateAwardSelectionInput,
    @Ctx() context: CampaignsContext,
  ): Promise<AwardSelection> {
    if (!isRegionCode(input.regionCode) || getRegion(input.regionCode)?.level === "COUNTY") {
      throw new BadUserInputError(`input.regionCode "${input.regionCode}" is not the province or a city`, {
        field: "input.regionCode",
      });
    }
    assertManagesSelection(context.principal, input.regionCode);
    return context.awardService.createSelection({
      year: input.year,
      category: input.category,
      regionCode: input.regionCode,
      title: input.title.trim(),
      panel: [...new Set(input.panel.map((subject) => subject.trim()))],
      winnerCount: input.winnerCount,
    });
  }

  @Mutation(() => AwardSelection, {
    description: "Closes nominations; the panel may score. The selection's managers.",
  })
  @Allow(...SELECTION_MANAGERS)
  async startAwardReview(
    @Arg("id", () => ID) id: string,
    @Ctx() context: CampaignsContext,
  ): Promise<AwardSelection> {
    const selection = await selectionOrThrow(context, id);
    assertManagesSelection(context.principal, selection.regionCode);
    assertStatus(selection, SelectionStatus.NOMINATING, "starting the review");
    return context.awards.setStatus(id, SelectionStatus.REVIEWING);
  }

  @Mutation(() => AwardSelection, {
    description:
      "Publishes the winners: the nominations with the best mean scores, up to winnerCount. Once only. The selection's managers.",
  })
  @Allow(...SELECTION_MANAGERS)
  async publishAwardSelection(
    @Arg("id", () => ID) id: string,
    @Ctx() context: CampaignsContext,
  ): Promise<AwardSelection> {
    const selection = await selectionOrThrow(context, id);
    assertManagesSelection(context.principal, selection.regionCode);
    return context.awardService.publish(id);
  }

  @FieldResolver(() => Region, { description: "The region running it (the province, or a city)." })
  region(@Root() selection: AwardSelection): Region {
    return Region.of(selection.regionCode);
  }

  @FieldResolver(() => NominationConnection, {
    description: "Its nominations with their reasons, in the order made. The panel and staff.",
  })
  @Allow(...SIGNED_IN)
  nominations(
    @Root() selection: AwardSelection,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Nomination>> {
    if (!maySeeNominations(context.principal, selection)) {
      throw new ForbiddenError("Only the panel and staff read nominations");
    }
    return context.awards.nominations(selection.id, pageRequest(page));
  }

  @FieldResolver(() => AwardConnection, {
    description: "The winners, by rank; empty until published. Public.",
  })
  @Allow(PUBLIC)
  async winners(
    @Root() selection: AwardSelection,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Award>> {
    const request = pageRequest(page);
    if (selection.status !== SelectionStatus.PUBLISHED) {
      return emptyConnection(request);
    }
    const winners = await context.awards.winners(selection.id, request);
    return {
      ...winners,
      edges: winners.edges.map((edge) => ({
        ...edge,
        node: { ...edge.node, rank: edge.node.rank!, year: selection.year, category: selection.category },
      })),
    };
  }
}

@Resolver(() => Nomination)
export class NominationResolver {
  @Mutation(() => Nomination, {
    description:
      "Nominates a student, a volunteer, a carer or a home, with the reason, while the selection is open. Staff, for the homes in their region or that they run.",
  })
  @Allow(...NOMINATORS)
  async nominate(
    @Arg("input", () => NominateInput) input: NominateInput,
    @Ctx() context: CampaignsContext,
  ): Promise<Nomination> {
    const selection = await selectionOrThrow(context, input.selectionId);
    if (!NOMINEES_OF[selection.category].includes(input.nomineeKind)) {
      throw new BadUserInputError(
        `A ${selection.category} selection takes ${NOMINEES_OF[selection.category].join(" or ")}`,
        {
          field: "input.nomineeKind",
        },
      );
    }
    checkNominee(input);
    assertStatus(selection, SelectionStatus.NOMINATING, "nominating");
    const siteId = input.siteId ?? null;
    assertMayNominate(
      context.principal,
      selection,
      siteId,
      siteId ? await homeLoader(context).load(siteId) : null,
    );
    return context.awardService.nominate({
      selectionId: selection.id,
      nomineeKind: input.nomineeKind,
      studentId: input.studentId ?? null,
      volunteerId: input.volunteerId ?? null,
      carerName: input.carerName?.trim() || null,
      siteId,
      organisationId: input.organisationId ?? null,
      reason: input.reason.trim(),
      nominatedBy: context.principal.subject ?? context.principal.kind,
      nominatorOrganisationId: context.principal.organisationId,
    });
  }

  @Mutation(() => Review, {
    description:
      "A panel member scores a nomination (1 to 10), once, while the selection is in review. Refused with FORBIDDEN (extensions.reason CONFLICT_OF_INTEREST) for a nomination you made, or for your own home or organisation.",
  })
  @Allow(...SIGNED_IN)
  async scoreNomination(
    @Arg("input", () => ScoreNominationInput) input: ScoreNominationInput,
    @Ctx() context: CampaignsContext,
  ): Promise<Review> {
    const nomination = await nominationLoader(context).load(input.nominationId);
    if (!nomination) throw new NotFoundError("Nomination", input.nominationId);
    const selection = (await selectionLoader(context).load(nomination.selectionId))!;
    if (!isOnPanel(context.principal, selection)) {
      throw new ForbiddenError("Only the selection's panel scores its nominations");
    }
    assertNoConflictOfInterest(context.principal, nomination);
    assertStatus(selection, SelectionStatus.REVIEWING, "scoring");
    return context.awardService.score({
      nominationId: nomination.id,
      reviewer: context.principal.subject!,
      score: input.score,
      comment: input.comment?.trim() || null,
    });
  }

  @FieldResolver(() => AwardSelection)
  async selection(@Root() nomination: Nomination, @Ctx() context: CampaignsContext): Promise<AwardSelection> {
    return (await selectionLoader(context).load(nomination.selectionId))!;
  }

  @FieldResolver(() => Student, { nullable: true })
  student(@Root() nomination: Nomination): Student | null {
    return nomination.studentId ? Student.of(nomination.studentId) : null;
  }

  @FieldResolver(() => Volunteer, { nullable: true })
  volunteer(@Root() nomination: Nomination): Volunteer | null {
    return nomination.volunteerId ? Volunteer.of(nomination.volunteerId) : null;
  }

  @FieldResolver(() => Site, { nullable: true, description: "The home nominated, or the nominee's home." })
  site(@Root() nomination: Nomination): Site | null {
    return nomination.siteId ? Site.of(nomination.siteId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() nomination: Nomination): Organisation | null {
    return nomination.organisationId ? Organisation.of(nomination.organisationId) : null;
  }

  @FieldResolver(() => ScoreSummary, { description: "How many panel scores, and their mean." })
  scores(@Root() nomination: Nomination, @Ctx() context: CampaignsContext): Promise<ScoreSummary> {
    return scoreSummaryLoader(context).load(nomination.id);
  }

  @FieldResolver(() => ReviewConnection, { description: "The panel's scores, in the order given." })
  async reviews(
    @Root() nomination: Nomination,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Review>> {
    const request = pageRequest(page);
    return pageOfList(await reviewsLoader(context).load(nomination.id), request, [
      { field: "createdAt", direction: "asc" },
      { field: "id", direction: "asc" },
    ]);
  }
}

@Resolver(() => Award)
export class AwardResolver {
  @FieldResolver(() => AwardSelection)
  async selection(@Root() award: Award, @Ctx() context: CampaignsContext): Promise<AwardSelection> {
    return (await selectionLoader(context).load(award.selectionId))!;
  }

  @FieldResolver(() => Site, { nullable: true, description: "The winning home, or the winner's home." })
  site(@Root() award: Award): Site | null {
    return award.siteId ? Site.of(award.siteId) : null;
  }

  @FieldResolver(() => Volunteer, { nullable: true })
  volunteer(@Root() award: Award): Volunteer | null {
    return award.volunteerId ? Volunteer.of(award.volunteerId) : null;
  }

  @FieldResolver(() => Student, {
    nullable: true,
    description: "The winning child; their name comes from the people subgraph, to those it allows.",
  })
  student(@Root() award: Award): Student | null {
    return award.studentId ? Student.of(award.studentId) : null;
  }
}
