import {
  Allow,
  Connection,
  type ConnectionResult,
  Money,
  PageArgs,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { money } from "../../money.js";
import { Region } from "../region/region.type.js";
import { fundByCodeLoader, fundTotalsLoader } from "./fund.loader.js";
import { Fund, FundKind } from "./fund.type.js";

export const FundConnection = Connection(Fund);

/** Funds and what they hold are public: the programme publishes what it raised. */
@Resolver(() => Fund)
export class FundResolver {
  @Query(() => Fund, {
    nullable: true,
    description: "One fund by code, e.g. LOVE_FUND; null when there is none.",
  })
  @Allow(PUBLIC)
  fund(@Arg("code", () => String) code: string, @Ctx() context: FundingContext): Promise<Fund | null> {
    return fundByCodeLoader(context).load(code);
  }

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

  @FieldResolver(() => Region, { description: "The region of the body that runs the fund." })
  ownerRegion(@Root() fund: Fund): Region {
    return Region.of(fund.ownerRegionCode);
  }
}
