import { BadUserInputError, NotFoundError } from "@lamplight/platform";
import { getRegion } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  ListBound,
  Money,
  PageArgs,
  PUBLIC,
  pageOfList,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Region } from "../region/region.type.js";
import { siteLoader } from "../site/site.loader.js";
import { Site } from "../site/site.type.js";
import { CreateTenderInput, ScoreBidInput, SubmitBidInput } from "./tender.inputs.js";
import {
  bidLoader,
  contractLoader,
  criteriaLoader,
  evaluatorsLoader,
  lotBidsLoader,
  lotLoader,
  lotPageLoader,
  scoresLoader,
  tenderLoader,
} from "./tender.loader.js";
import { assertMayBid, assertRunsTenderIn, BIDDERS, EVALUATORS, TENDER_OFFICIALS } from "./tender.policy.js";
import { toDecimal } from "./tender.ranking.js";
import {
  Bid,
  BidScore,
  Contract,
  CriterionScore,
  RankedBid,
  Tender,
  TenderCriterion,
  TenderEvaluator,
  TenderLot,
} from "./tender.type.js";

export const TenderConnection = Connection(Tender);
export const TenderLotConnection = Connection(TenderLot);
export const BidConnection = Connection(Bid);
export const RankedBidConnection = Connection(RankedBid);

async function load<T>(
  loader: { load(id: string): Promise<T | null> },
  entity: string,
  id: string,
): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw new NotFoundError(entity, id);
  return row;
}

@Resolver(() => Tender)
export class TenderResolver {
  @Query(() => Tender, { nullable: true, description: "One tender by id; tenders are published." })
  @Allow(PUBLIC)
  tender(@Arg("id", () => ID) id: string, @Ctx() context: SitesContext): Promise<Tender | null> {
    return tenderLoader(context).load(id);
  }

  @Query(() => TenderConnection, {
    description: "Tenders, newest first; `region` names the city or province running them.",
  })
  @Allow(PUBLIC)
  tenders(
    @Arg("region", () => ID, { nullable: true }) region: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<Tender>> {
    if (region && !getRegion(region)) {
      throw new BadUserInputError(`filter.region "${region}" is not a region of the province`, {
        field: "filter.region",
      });
    }
    return context.tenders.list(region, pageRequest(page));
  }

  @Mutation(() => Tender, {
    description:
      "Opens a tender with its lots, weighted criteria (adding up to 100) and evaluation panel. Province admins, and city admins for their city.",
  })
  @Allow(...TENDER_OFFICIALS)
  async createTender(
    @Arg("input", () => CreateTenderInput) input: CreateTenderInput,
    @Ctx() context: SitesContext,
  ): Promise<Tender> {
    if (getRegion(input.regionCode)) assertRunsTenderIn(context.principal, input.regionCode);
    await context.knownOrganisations.requireEach(
      input.evaluators.flatMap((evaluator, index) =>
        evaluator.organisationId
          ? [{ id: evaluator.organisationId, field: `input.evaluators[${index}].organisationId` }]
          : [],
      ),
    );
    return context.tenderService.create(input, context.principal.subject);
  }

  @FieldResolver(() => Region)
  region(@Root() tender: Tender): Region {
    return Region.from(getRegion(tender.regionCode)!);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether bids are still taken (the deadline has not passed).",
  })
  open(@Root() tender: Tender): boolean {
    return Date.now() <= tender.deadline.getTime();
  }

  @FieldResolver(() => TenderLotConnection, { description: "The lots, by number." })
  async lots(
    @Root() tender: Tender,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<TenderLot>> {
    return lotPageLoader(context, pageRequest(args)).load(tender.id);
  }

  @ListBound(20)
  @FieldResolver(() => [TenderCriterion], {
    description: "The criteria, in order; at most 20, so not paged.",
  })
  criteria(@Root() tender: Tender, @Ctx() context: SitesContext): Promise<TenderCriterion[]> {
    return criteriaLoader(context).load(tender.id);
  }

  @ListBound(50)
  @FieldResolver(() => [TenderEvaluator], {
    description: "The evaluation panel; at most 50, so not paged. Officials only.",
  })
  @Allow(...EVALUATORS)
  evaluators(@Root() tender: Tender, @Ctx() context: SitesContext): Promise<TenderEvaluator[]> {
    return evaluatorsLoader(context).load(tender.id);
  }
}

@Resolver(() => TenderEvaluator)
export class TenderEvaluatorResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() evaluator: TenderEvaluator): Organisation | null {
    return evaluator.organisationId ? Organisation.of(evaluator.organisationId) : null;
  }
}

@Resolver(() => TenderLot)
export class TenderLotResolver {
  @Mutation(() => Bid, {
    description:
      "Submits a vendor's bid for a lot, at an exact amount; refused after the deadline (BAD_USER_INPUT). A vendor's partner key bids for its own organisation; tender officials record any vendor's bid.",
  })
  @Allow(...BIDDERS)
  async submitBid(
    @Arg("lotId", () => ID) lotId: string,
    @Arg("input", () => SubmitBidInput) input: SubmitBidInput,
    @Ctx() context: SitesContext,
  ): Promise<Bid> {
    const lot = await load(lotLoader(context), "TenderLot", lotId);
    const tender = await load(tenderLoader(context), "Tender", lot.tenderId);
    assertMayBid(context.principal, tender.regionCode, input.vendorOrganisationId);
    await context.knownOrganisations.require(input.vendorOrganisationId, "input.vendorOrganisationId");
    return context.tenderService.submitBid(lot, tender, input, context.principal.subject);
  }

  @Mutation(() => Contract, {
    description:
      "Awards a lot to the bid ranked first, after the deadline and once every bid is scored, recording the contract.",
  })
  @Allow(...TENDER_OFFICIALS)
  async awardLot(
    @Arg("lotId", () => ID) lotId: string,
    @Arg("bidId", () => ID) bidId: string,
    @Ctx() context: SitesContext,
  ): Promise<Contract> {
    const lot = await load(lotLoader(context), "TenderLot", lotId);
    const tender = await load(tenderLoader(context), "Tender", lot.tenderId);
    assertRunsTenderIn(context.principal, tender.regionCode);
    return context.tenderService.award(lot, tender, bidId, context.principal.subject);
  }

  @FieldResolver(() => Tender)
  tender(@Root() lot: TenderLot, @Ctx() context: SitesContext): Promise<Tender> {
    return load(tenderLoader(context), "Tender", lot.tenderId);
  }

  @FieldResolver(() => Site, { nullable: true, description: "The home this lot builds or equips." })
  site(@Root() lot: TenderLot, @Ctx() context: SitesContext): Promise<Site | null> {
    return lot.siteId ? siteLoader(context).load(lot.siteId) : Promise.resolve(null);
  }

  @FieldResolver(() => BidConnection, { description: "The bids, in the order they came. Officials only." })
  @Allow(...EVALUATORS)
  async bids(
    @Root() lot: TenderLot,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<Bid>> {
    const all = await lotBidsLoader(context).load(lot.id);
    return pageOfList(all, pageRequest(args));
  }

  @FieldResolver(() => RankedBidConnection, {
    description:
      "The lot's bids by weighted score, best first (see docs/subgraphs/sites.md). Officials only.",
  })
  @Allow(...EVALUATORS)
  async ranking(
    @Root() lot: TenderLot,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<RankedBid>> {
    const { ranked, bids } = await context.tenders.ranking(lot);
    const nodes = ranked.map((entry) => {
      const node = new RankedBid();
      node.id = entry.bidId;
      node.rank = entry.rank;
      node.weightedScore = toDecimal(entry.total);
      node.complete = entry.complete;
      node.bid = bids.find((bid) => bid.id === entry.bidId)!;
      node.criteria = entry.criteria.map((criterion) => {
        const score = new CriterionScore();
        score.criterionId = criterion.criterionId;
        score.score = criterion.score ? toDecimal(criterion.score) : null;
        score.evaluators = criterion.evaluators;
        return score;
      });
      return node;
    });
    return pageOfList(nodes, pageRequest(args));
  }

  @FieldResolver(() => Contract, { nullable: true, description: "The contract, once the lot is awarded." })
  contract(@Root() lot: TenderLot, @Ctx() context: SitesContext): Promise<Contract | null> {
    return contractLoader(context).load(lot.id);
  }
}

@Resolver(() => Bid)
export class BidResolver {
  @ListBound(20)
  @Mutation(() => [BidScore], {
    description:
      "Records the caller's scores of a bid, per scored criterion, after the deadline. Only members of the tender's panel, and never for a bid of their own organisation (FORBIDDEN).",
  })
  @Allow(...EVALUATORS)
  async scoreBid(
    @Arg("bidId", () => ID) bidId: string,
    @Arg("input", () => ScoreBidInput) input: ScoreBidInput,
    @Ctx() context: SitesContext,
  ): Promise<BidScore[]> {
    const bid = await load(bidLoader(context), "Bid", bidId);
    const lot = await load(lotLoader(context), "TenderLot", bid.lotId);
    const tender = await load(tenderLoader(context), "Tender", lot.tenderId);
    return context.tenderService.score(bid, tender, context.principal.subject ?? "", input);
  }

  @FieldResolver(() => Money)
  amount(@Root() bid: Bid): Money {
    return Money.of(bid.amountFen);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The vendor (people subgraph)." })
  vendor(@Root() bid: Bid): Organisation {
    return Organisation.of(bid.vendorOrganisationId);
  }

  @FieldResolver(() => TenderLot)
  lot(@Root() bid: Bid, @Ctx() context: SitesContext): Promise<TenderLot> {
    return load(lotLoader(context), "TenderLot", bid.lotId);
  }

  @ListBound(50 * 20)
  @FieldResolver(() => [BidScore], {
    description: "Every evaluator's scores; a few dozen at most, so not paged.",
  })
  scores(@Root() bid: Bid, @Ctx() context: SitesContext): Promise<BidScore[]> {
    return scoresLoader(context).load(bid.id);
  }
}

@Resolver(() => BidScore)
export class BidScoreResolver {
  @FieldResolver(() => ID)
  criterionId(@Root() score: BidScore): string {
    return score.criterionId;
  }
}

@Resolver(() => CriterionScore)
export class CriterionScoreResolver {
  @FieldResolver(() => ID)
  criterionId(@Root() score: CriterionScore): string {
    return score.criterionId;
  }
}

@Resolver(() => RankedBid)
export class RankedBidResolver {
  @FieldResolver(() => Bid)
  bid(@Root() ranked: RankedBid): Bid {
    return ranked.bid;
  }
}

@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => Money)
  amount(@Root() contract: Contract): Money {
    return Money.of(contract.amountFen);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The vendor (people subgraph)." })
  vendor(@Root() contract: Contract): Organisation {
    return Organisation.of(contract.vendorOrganisationId);
  }

  @FieldResolver(() => TenderLot)
  lot(@Root() contract: Contract, @Ctx() context: SitesContext): Promise<TenderLot> {
    return load(lotLoader(context), "TenderLot", contract.lotId);
  }

  @FieldResolver(() => Bid)
  bid(@Root() contract: Contract, @Ctx() context: SitesContext): Promise<Bid> {
    return load(bidLoader(context), "Bid", contract.bidId);
  }
}
