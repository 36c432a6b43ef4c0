import {
  Allow,
  Connection,
  type ConnectionResult,
  ListBound,
  Money,
  money,
  PageArgs,
  PartnerScope,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { AccountBalance } from "../journal/journal.type.js";
import { Region } from "../region/region.type.js";
import { accountBalancesLoader, fundByCodeLoader, fundTotalsLoader } from "./fund.loader.js";
import { assertManagesFund, FUNDING_OFFICERS } from "./fund.policy.js";
import { Fund, FundKind } from "./fund.type.js";

export const FundConnection = Connection(Fund);

/** Funds and what they hold are public: the programme publishes what it raised. */
@Resolver(() => Fund)
export class FundResolver {
  @PartnerScope("read:funding")
  @Query(() => Fund, {
    nullable: true,
    description: "One fund by code, e.g. LOVE_FUND; null when there is none.",
  })
  @Allow(PUBLIC)
  fund(@Arg("code", () => String) code: string, @Ctx() context: FundingContext): Promise<Fund | null> {
    return fundByCodeLoader(context).load(code);
  }

  @PartnerScope("read:funding")
  @Query(() => FundConnection, { description: "The programme's funds, by code, a page at a time." })
  @Allow(PUBLIC)
  funds(
    @Arg("kind", () => FundKind, { nullable: true }) kind: FundKind | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<Fund>> {
    return context.funds.list(kind, pageRequest(page));
  }

  @FieldResolver(() => Money, {
    description: "What the fund holds at the bank, from its ledger (every fund of a page in one query).",
  })
  async balance(@Root() fund: Fund, @Ctx() context: FundingContext): Promise<Money> {
    return money((await fundTotalsLoader(context).load(fund.id)).balanceFen);
  }

  @FieldResolver(() => Money, {
    description: "Donations received, from its ledger; reversed gifts are left out.",
  })
  async raised(@Root() fund: Fund, @Ctx() context: FundingContext): Promise<Money> {
    return money((await fundTotalsLoader(context).load(fund.id)).raisedFen);
  }

  @FieldResolver(() => Money, { description: "Grants approved from the fund, from its ledger." })
  async granted(@Root() fund: Fund, @Ctx() context: FundingContext): Promise<Money> {
    return money((await fundTotalsLoader(context).load(fund.id)).grantedFen);
  }

  @FieldResolver(() => Money, {
    description:
      "Raised and not yet granted: what new grants can still be drawn from, across its designations.",
  })
  async available(@Root() fund: Fund, @Ctx() context: FundingContext): Promise<Money> {
    const totals = await fundTotalsLoader(context).load(fund.id);
    return money(totals.raisedFen - totals.grantedFen);
  }

  @ListBound(100)
  @FieldResolver(() => [AccountBalance], {
    description:
      "The trial balance: every account of the fund's chart with its balance, summing to zero. Finance officers of the fund's region and province admins; anyone else gets an error for this field.",
  })
  @Allow(...FUNDING_OFFICERS)
  async accounts(@Root() fund: Fund, @Ctx() context: FundingContext): Promise<AccountBalance[]> {
    assertManagesFund(context.principal, fund);
    const rows = await accountBalancesLoader(context).load(fund.id);
    return rows.map((row) => ({
      account: {
        code: row.code,
        name: row.name,
        kind: row.kind as AccountBalance["account"]["kind"],
        purpose: row.purpose as AccountBalance["account"]["purpose"],
      },
      balance: money(row.balanceFen),
    }));
  }

  @FieldResolver(() => Region, { description: "The region of the body that runs the fund." })
  ownerRegion(@Root() fund: Fund): Region {
    return Region.of(fund.ownerRegionCode);
  }
}
