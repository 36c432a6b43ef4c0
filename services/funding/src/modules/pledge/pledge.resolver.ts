import { BadUserInputError } from "@lamplight/platform";
import {
  Allow,
  Connection,
  type ConnectionResult,
  checkedFen,
  formatFen,
  Money,
  money,
  PageArgs,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { Designation } from "../donation/donation.type.js";
import { fundByCodeLoader, fundLoader } from "../fund/fund.loader.js";
import { assertManagesFund, FUNDING_OFFICERS, managesFund } from "../fund/fund.policy.js";
import { Fund } from "../fund/fund.type.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Project } from "../project/project.type.js";
import { Site } from "../site/site.type.js";
import { RecordPledgeInput } from "./pledge.inputs.js";
import { instalmentPaidLoader } from "./pledge.loader.js";
import { Pledge, PledgeInstalment, type PledgeRow } from "./pledge.type.js";

export const PledgeConnection = Connection(Pledge);

@Resolver(() => Pledge)
export class PledgeResolver {
  @Mutation(() => Pledge, {
    description:
      "Records a donor's promise to give, in instalments. Nothing enters the ledger until a donation names an instalment (recordDonation's input.pledgeInstalmentId). Idempotent on input.idempotencyKey.",
  })
  @Allow(...FUNDING_OFFICERS)
  async recordPledge(
    @Arg("input", () => RecordPledgeInput) input: RecordPledgeInput,
    @Ctx() context: FundingContext,
  ): Promise<PledgeRow> {
    const fund = await fundByCodeLoader(context).load(input.fundCode);
    if (!fund) {
      throw new BadUserInputError(`input.fundCode "${input.fundCode}" is not a fund`, {
        field: "input.fundCode",
      });
    }
    assertManagesFund(context.principal, fund);
    const donorName = input.donorName?.trim() || null;
    if (Boolean(input.donorOrganisationId) === Boolean(donorName)) {
      throw new BadUserInputError("Give either input.donorOrganisationId or input.donorName", {
        field: "input.donorName",
      });
    }
    await context.known.require([
      { kind: "Organisation", id: input.donorOrganisationId, field: "input.donorOrganisationId" },
      { kind: "Site", id: input.designation.siteId, field: "input.designation.siteId" },
      { kind: "Project", id: input.designation.projectId, field: "input.designation.projectId" },
    ]);
    let previous = 0;
    const instalments = input.instalments.map((instalment, index) => {
      const amountFen = checkedFen(instalment.amount, `input.instalments.${index}.amount`, {
        maxFen: context.maxGiftFen,
      });
      if (instalment.dueOn.getTime() < previous || instalment.dueOn < input.pledgedOn) {
        throw new BadUserInputError("Instalments fall due in order, on or after the pledge", {
          field: `input.instalments.${index}.dueOn`,
        });
      }
      previous = instalment.dueOn.getTime();
      return { dueOn: instalment.dueOn, amountFen };
    });
    // A pledge is one gift paid in parts: its total is held to the same maximum as a gift.
    const totalFen = instalments.reduce((sum, instalment) => sum + instalment.amountFen, 0n);
    if (totalFen > context.maxGiftFen) {
      const max = formatFen(context.maxGiftFen);
      throw new BadUserInputError(`input.instalments add up to more than one gift may hold, ${max} yuan`, {
        field: "input.instalments",
        max,
      });
    }
    return context.pledgeService.record({
      idempotencyKey: input.idempotencyKey,
      fund,
      donorOrganisationId: input.donorOrganisationId ?? null,
      donorName,
      anonymous: input.anonymous,
      purpose: input.designation.purpose,
      siteId: input.designation.siteId ?? null,
      projectId: input.designation.projectId ?? null,
      pledgedOn: input.pledgedOn,
      instalments,
      recordedBy: context.principal.subject ?? context.principal.kind,
    });
  }

  @Query(() => PledgeConnection, {
    description: "Pledges to the funds you manage, newest first (filtered to one fund with fundCode).",
  })
  @Allow(...FUNDING_OFFICERS)
  async pledges(
    @Arg("fundCode", () => String, { nullable: true }) fundCode: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<PledgeRow>> {
    const request = pageRequest(page);
    let fundIds: string[];
    if (fundCode) {
      const fund = await fundByCodeLoader(context).load(fundCode);
      if (!fund) throw new BadUserInputError(`fundCode "${fundCode}" is not a fund`, { field: "fundCode" });
      assertManagesFund(context.principal, fund);
      fundIds = [fund.id];
    } else {
      fundIds = (await context.funds.all())
        .filter((fund) => managesFund(context.principal, fund))
        .map((f) => f.id);
    }
    return context.pledges.list(fundIds, request);
  }

  @FieldResolver(() => Fund)
  async fund(@Root() pledge: PledgeRow, @Ctx() context: FundingContext): Promise<Fund> {
    return (await fundLoader(context).load(pledge.fundId))!;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  donorOrganisation(@Root() pledge: PledgeRow): Organisation | null {
    return pledge.donorOrganisationId ? Organisation.of(pledge.donorOrganisationId) : null;
  }

  @FieldResolver(() => Designation)
  designation(@Root() pledge: PledgeRow): Designation {
    return {
      purpose: pledge.purpose,
      site: pledge.siteId ? Site.of(pledge.siteId) : null,
      projectId: pledge.projectId,
      project: pledge.projectId ? Project.of(pledge.projectId) : null,
    };
  }

  @FieldResolver(() => Money, { description: "The sum of the instalments." })
  total(@Root() pledge: PledgeRow): Money {
    return money(pledge.totalFen, pledge.currency);
  }

  @FieldResolver(() => Money, { description: "Paid so far by the donations naming its instalments." })
  async paid(@Root() pledge: PledgeRow, @Ctx() context: FundingContext): Promise<Money> {
    const paid = await instalmentPaidLoader(context).loadMany(
      pledge.instalments.map((instalment) => instalment.id),
    );
    return money(paid.reduce<bigint>((sum, fen) => sum + (typeof fen === "bigint" ? fen : 0n), 0n));
  }
}

@Resolver(() => PledgeInstalment)
export class PledgeInstalmentResolver {
  @FieldResolver(() => Money)
  amount(@Root() instalment: PledgeInstalment): Money {
    return money(instalment.amountFen);
  }

  @FieldResolver(() => Money, { description: "Paid by the donations naming this instalment." })
  async paid(@Root() instalment: PledgeInstalment, @Ctx() context: FundingContext): Promise<Money> {
    return money(await instalmentPaidLoader(context).load(instalment.id));
  }

  @FieldResolver(() => Boolean, { description: "Paid in full." })
  async fulfilled(@Root() instalment: PledgeInstalment, @Ctx() context: FundingContext): Promise<boolean> {
    return (await instalmentPaidLoader(context).load(instalment.id)) >= instalment.amountFen;
  }
}
