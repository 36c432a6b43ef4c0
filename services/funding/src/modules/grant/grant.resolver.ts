import { BadUserInputError, ForbiddenError, NotFoundError, Role } from "@lamplight/platform";
import { isRegionCode, todayInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  checkedFen,
  Money,
  type MoneyInput,
  money,
  PageArgs,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { fundByCodeLoader, fundLoader } from "../fund/fund.loader.js";
import { assertManagesFund, FUNDING_OFFICERS } from "../fund/fund.policy.js";
import { Fund } from "../fund/fund.type.js";
import { Project } from "../project/project.type.js";
import { Region } from "../region/region.type.js";
import { Site } from "../site/site.type.js";
import {
  DecideGrantArgs,
  DisburseGrantInput,
  GrantFilter,
  ProposeGrantInput,
  ReportExpenditureInput,
} from "./grant.inputs.js";
import {
  disbursementPageLoader,
  grantLoader,
  grantProgressLoader,
  reportPageLoader,
} from "./grant.loader.js";
import { assertMayDecide, GRANT_APPROVERS, mayReportSpending, maySeeGrant } from "./grant.policy.js";
import { AWARDED, regionPrefix } from "./grant.repository.js";
import {
  type DisbursementRow,
  ExpenditureReport,
  type ExpenditureReportRow,
  Grant,
  GrantDisbursement,
  GrantRecipientKind,
  type GrantRow,
} from "./grant.type.js";

export const GrantConnection = Connection(Grant);

export const GrantDisbursementConnection = Connection(GrantDisbursement);
export const ExpenditureReportConnection = Connection(ExpenditureReport);

const actor = (context: FundingContext) => context.principal.subject ?? context.principal.kind;

/** An amount given for a grant, a payment or spent money: positive and within MAX_GIFT_YUAN. */
const grantFen = (amount: MoneyInput, context: FundingContext): bigint =>
  checkedFen(amount, "input.amount", { maxFen: context.maxGiftFen });

function notInFuture(day: Date, field: string): Date {
  if (day > todayInProvince()) throw new BadUserInputError(`${field} is in the future`, { field });
  return day;
}

/** Who the grant goes to and where, checked against the designation it draws on. */
function recipientOf(input: ProposeGrantInput, fundRegion: string) {
  const { designation } = input;
  if (designation.siteId && designation.projectId) {
    throw new BadUserInputError("A designation names a home or a project, not both", {
      field: "input.designation",
    });
  }
  const siteId = input.siteId ?? null;
  const projectId = input.projectId ?? null;
  switch (input.recipientKind) {
    case GrantRecipientKind.SITE:
      if (!siteId || projectId) {
        throw new BadUserInputError("A SITE grant names input.siteId and nothing else", {
          field: "input.siteId",
        });
      }
      if (!input.regionCode) {
        throw new BadUserInputError("A SITE grant names the home's region in input.regionCode", {
          field: "input.regionCode",
        });
      }
      break;
    case GrantRecipientKind.PROJECT:
      if (!projectId || siteId) {
        throw new BadUserInputError("A PROJECT grant names input.projectId and nothing else", {
          field: "input.projectId",
        });
      }
      break;
    case GrantRecipientKind.CITY:
      if (
        siteId ||
        projectId ||
        !input.regionCode ||
        !/^51\d{2}00$/.test(input.regionCode) ||
        input.regionCode === "510000"
      ) {
        throw new BadUserInputError(
          "A CITY grant names the city's code in input.regionCode, and no home or project",
          {
            field: "input.regionCode",
          },
        );
      }
      break;
  }
  const regionCode = input.regionCode ?? fundRegion;
  if (!isRegionCode(regionCode)) {
    throw new BadUserInputError(`input.regionCode "${regionCode}" is not a region of the province`, {
      field: "input.regionCode",
    });
  }
  // Money given to one home or project is spent on that home or project only.
  if (designation.siteId && designation.siteId !== siteId) {
    throw new BadUserInputError("Money designated to a home can only be granted to that home", {
      field: "input.siteId",
    });
  }
  if (designation.projectId && designation.projectId !== projectId) {
    throw new BadUserInputError("Money designated to a project can only be granted to that project", {
      field: "input.projectId",
    });
  }
  return { siteId, projectId, regionCode };
}

@Resolver(() => Grant)
export class GrantResolver {
  @Mutation(() => Grant, {
    description:
      "Proposes a grant from a fund's designated money to a home, a project or a city. Nothing moves until a finance officer approves it. Idempotent on input.idempotencyKey. Finance officers whose region covers the fund, and province admins.",
  })
  @Allow(...FUNDING_OFFICERS)
  async proposeGrant(
    @Arg("input", () => ProposeGrantInput) input: ProposeGrantInput,
    @Ctx() context: FundingContext,
  ): Promise<GrantRow> {
    const amountFen = grantFen(input.amount, context);
    const fund = await fundByCodeLoader(context).load(input.fundCode);
    if (!fund) {
      throw new BadUserInputError(`input.fundCode "${input.fundCode}" is not a fund`, {
        field: "input.fundCode",
      });
    }
    assertManagesFund(context.principal, fund);
    await context.known.require([
      { kind: "Site", id: input.designation.siteId, field: "input.designation.siteId" },
      { kind: "Project", id: input.designation.projectId, field: "input.designation.projectId" },
      { kind: "Project", id: input.projectId, field: "input.projectId" },
    ]);
    // A home's region is the county sites says it is in, not the one the input gives.
    const home = input.siteId ? await context.known.receivingSite(input.siteId, "input.siteId") : null;
    if (home && input.regionCode && input.regionCode !== home.countyCode) {
      throw new BadUserInputError(
        `${home.name} is in ${home.countyCode}, not input.regionCode ${input.regionCode}`,
        {
          field: "input.regionCode",
          regionCode: home.countyCode,
        },
      );
    }
    const recipient = recipientOf(input, fund.ownerRegionCode);
    return context.grantService.propose({
      idempotencyKey: input.idempotencyKey,
      fund,
      designation: {
        fundId: fund.id,
        purpose: input.designation.purpose,
        siteId: input.designation.siteId ?? null,
        projectId: input.designation.projectId ?? null,
      },
      recipientKind: input.recipientKind,
      ...recipient,
      title: input.title.trim(),
      description: input.description.trim(),
      amountFen,
      proposedBy: actor(context),
    });
  }

  @Mutation(() => Grant, {
    description:
      "Approves a proposed grant: the money is taken from its designation with a balanced journal entry (debit grants expense, credit grants payable). CONFLICT when the designation no longer holds enough, or the grant was already decided. Finance officers of the fund's region, not the proposer.",
  })
  @Allow(...GRANT_APPROVERS)
  async approveGrant(
    @Args(() => DecideGrantArgs) { id, note }: DecideGrantArgs,
    @Ctx() context: FundingContext,
  ): Promise<GrantRow> {
    const { grant } = await this.decidable(id, context);
    return context.grantService.approve(grant, actor(context), note?.trim() || null, todayInProvince());
  }

  @Mutation(() => Grant, { description: "Turns a proposed grant down; nothing is posted." })
  @Allow(...GRANT_APPROVERS)
  async rejectGrant(
    @Args(() => DecideGrantArgs) { id, note }: DecideGrantArgs,
    @Ctx() context: FundingContext,
  ): Promise<GrantRow> {
    const { grant } = await this.decidable(id, context);
    return context.grantService.reject(grant, actor(context), note?.trim() || null);
  }

  @Mutation(() => Grant, {
    description:
      "Closes an approved grant once the grantee is done: money paid and not spent returns to the bank, and all that was not spent returns to the designation, in one balanced entry. Finance officers of the fund's region.",
  })
  @Allow(...GRANT_APPROVERS)
  async closeGrant(
    @Args(() => DecideGrantArgs) { id, note }: DecideGrantArgs,
    @Ctx() context: FundingContext,
  ): Promise<GrantRow> {
    const grant = await grantLoader(context).load(id);
    if (!grant) throw new NotFoundError("Grant", id);
    assertManagesFund(context.principal, (await fundLoader(context).load(grant.fundId))!);
    return context.grantService.close(grant, actor(context), note?.trim() || null);
  }

  @Mutation(() => GrantDisbursement, {
    description:
      "Pays part or all of an approved grant (debit advances to grantees, credit the bank). Never more than the grant has left to pay. Idempotent on input.idempotencyKey.",
  })
  @Allow(...FUNDING_OFFICERS)
  async disburseGrant(
    @Arg("input", () => DisburseGrantInput) input: DisburseGrantInput,
    @Ctx() context: FundingContext,
  ): Promise<DisbursementRow> {
    const amountFen = grantFen(input.amount, context);
    notInFuture(input.paidOn, "input.paidOn");
    const grant = await grantLoader(context).load(input.grantId);
    if (!grant) throw new NotFoundError("Grant", input.grantId);
    const fund = (await fundLoader(context).load(grant.fundId))!;
    assertManagesFund(context.principal, fund);
    return context.grantService.disburse(grant, {
      idempotencyKey: input.idempotencyKey,
      amountFen,
      paidOn: input.paidOn,
      recordedBy: actor(context),
    });
  }

  @Mutation(() => ExpenditureReport, {
    description:
      "Records what the grantee spent of the money paid (debit grants payable, credit advances). Never more than was paid and not yet accounted for. The fund's finance officers, or the manager of the home the grant went to. Idempotent on input.idempotencyKey.",
  })
  @Allow(Role.FINANCE_OFFICER, Role.PROVINCE_ADMIN, Role.SITE_MANAGER)
  async reportGrantExpenditure(
    @Arg("input", () => ReportExpenditureInput) input: ReportExpenditureInput,
    @Ctx() context: FundingContext,
  ): Promise<ExpenditureReportRow> {
    const amountFen = grantFen(input.amount, context);
    notInFuture(input.spentOn, "input.spentOn");
    const grant = await grantLoader(context).load(input.grantId);
    if (!grant) throw new NotFoundError("Grant", input.grantId);
    const fund = (await fundLoader(context).load(grant.fundId))!;
    if (!mayReportSpending(context.principal, grant, fund)) {
      throw new ForbiddenError("Spending is reported by the fund's officers or the home's manager", {
        id: grant.id,
      });
    }
    return context.grantService.report(grant, {
      idempotencyKey: input.idempotencyKey,
      amountFen,
      spentOn: input.spentOn,
      category: input.category,
      description: input.description.trim(),
      recordedBy: actor(context),
    });
  }

  @Query(() => Grant, {
    nullable: true,
    description: "One grant by id: approved grants for everyone, others for those who manage the fund.",
  })
  @Allow(PUBLIC)
  async grant(@Arg("id", () => ID) id: string, @Ctx() context: FundingContext): Promise<GrantRow | null> {
    const grant = await grantLoader(context).load(id);
    if (!grant) return null;
    const fund = (await fundLoader(context).load(grant.fundId))!;
    return maySeeGrant(context.principal, grant, fund) ? grant : null;
  }

  @Query(() => GrantConnection, {
    description:
      "Grants, newest first. Approved grants are public; proposed and rejected ones are listed (with filter.status and filter.fundCode) for those who manage the fund.",
  })
  @Allow(PUBLIC)
  async grants(
    @Arg("filter", () => GrantFilter, { nullable: true }) filter: GrantFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<GrantRow>> {
    const request = pageRequest(page);
    let fundIds: string[] | null = null;
    if (filter?.fundCode) {
      const fund = await fundByCodeLoader(context).load(filter.fundCode);
      if (!fund) {
        throw new BadUserInputError(`filter.fundCode "${filter.fundCode}" is not a fund`, {
          field: "filter.fundCode",
        });
      }
      fundIds = [fund.id];
      if (filter.status && !AWARDED.includes(filter.status)) assertManagesFund(context.principal, fund);
    } else if (filter?.status && !AWARDED.includes(filter.status)) {
      throw new BadUserInputError("Proposed and rejected grants are listed per fund: give filter.fundCode", {
        field: "filter.fundCode",
      });
    }
    return context.grants.list(
      {
        fundIds,
        statuses: filter?.status ? [filter.status] : AWARDED,
        purpose: filter?.purpose ?? null,
        recipientKind: filter?.recipientKind ?? null,
        siteId: filter?.siteId ?? null,
        projectId: filter?.projectId ?? null,
        regionPrefix: filter?.region ? regionPrefix(filter.region) : null,
      },
      request,
    );
  }

  @FieldResolver(() => Money, { description: "The amount awarded (or proposed)." })
  amount(@Root() grant: GrantRow): Money {
    return money(grant.amountFen, grant.currency);
  }

  @FieldResolver(() => Money, {
    description: "What closing the grant gave back to its designation: the award less what was spent.",
  })
  released(@Root() grant: GrantRow): Money {
    return money(grant.releasedFen, grant.currency);
  }

  @FieldResolver(() => Money, { description: "Paid out so far." })
  async disbursed(@Root() grant: GrantRow, @Ctx() context: FundingContext): Promise<Money> {
    return money((await grantProgressLoader(context).load(grant.id)).disbursedFen);
  }

  @FieldResolver(() => Money, { description: "Reported spent by the grantee so far." })
  async reportedSpent(@Root() grant: GrantRow, @Ctx() context: FundingContext): Promise<Money> {
    return money((await grantProgressLoader(context).load(grant.id)).reportedFen);
  }

  @FieldResolver(() => Fund)
  async fund(@Root() grant: GrantRow, @Ctx() context: FundingContext): Promise<Fund> {
    return (await fundLoader(context).load(grant.fundId))!;
  }

  @FieldResolver(() => Site, { nullable: true, description: "The home, for a SITE grant." })
  site(@Root() grant: GrantRow): Site | null {
    return grant.siteId ? Site.of(grant.siteId) : null;
  }

  @FieldResolver(() => Project, { nullable: true, description: "The project, for a PROJECT grant." })
  project(@Root() grant: GrantRow): Project | null {
    return grant.projectId ? Project.of(grant.projectId) : null;
  }

  @FieldResolver(() => Region, { description: "Where the money goes." })
  region(@Root() grant: GrantRow): Region {
    return Region.of(grant.regionCode);
  }

  @FieldResolver(() => GrantDisbursementConnection, { description: "Payments, oldest first." })
  async disbursements(
    @Root() grant: GrantRow,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<DisbursementRow>> {
    return disbursementPageLoader(context, pageRequest(page)).load(grant.id);
  }

  @FieldResolver(() => ExpenditureReportConnection, { description: "Spending reported, oldest first." })
  async expenditureReports(
    @Root() grant: GrantRow,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<ExpenditureReportRow>> {
    return reportPageLoader(context, pageRequest(page)).load(grant.id);
  }

  private async decidable(id: string, context: FundingContext) {
    const grant = await grantLoader(context).load(id);
    if (!grant) throw new NotFoundError("Grant", id);
    const fund = (await fundLoader(context).load(grant.fundId))!;
    assertMayDecide(context.principal, grant, fund);
    return { grant, fund };
  }
}

@Resolver(() => GrantDisbursement)
export class GrantDisbursementResolver {
  @FieldResolver(() => Money)
  amount(@Root() row: DisbursementRow): Money {
    return money(row.amountFen, row.currency);
  }

  @FieldResolver(() => Grant)
  async grant(@Root() row: DisbursementRow, @Ctx() context: FundingContext): Promise<GrantRow> {
    return (await grantLoader(context).load(row.grantId))!;
  }
}

@Resolver(() => ExpenditureReport)
export class ExpenditureReportResolver {
  @FieldResolver(() => Money)
  amount(@Root() row: ExpenditureReportRow): Money {
    return money(row.amountFen, row.currency);
  }

  @FieldResolver(() => Grant)
  async grant(@Root() row: ExpenditureReportRow, @Ctx() context: FundingContext): Promise<GrantRow> {
    return (await grantLoader(context).load(row.grantId))!;
  }
}
