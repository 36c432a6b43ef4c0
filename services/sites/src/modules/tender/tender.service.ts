import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError, ForbiddenError } from "@lamplight/platform";
import { getRegion, isWithin } from "@lamplight/regions";
import { checkedFen } from "@lamplight/subgraph-kit";
import type { CreateTenderInput, ScoreBidInput, SubmitBidInput } from "./tender.inputs.js";
import { ONE_BID_PER_VENDOR, ONE_CONTRACT_PER_LOT, type TenderRepository } from "./tender.repository.js";
import type { Bid, BidScore, Contract, Tender, TenderLot } from "./tender.type.js";

/** A tender's course: published with its lots, criteria and panel, bid for, scored, each lot awarded once. */
export class TenderService {
  constructor(private readonly tenders: TenderRepository) {}

  /** Creates a tender with its lots, criteria and panel in one statement (one transaction). */
  async create(input: CreateTenderInput, createdBy: string | null): Promise<Tender> {
    const region = getRegion(input.regionCode);
    if (region?.level !== "CITY" && region?.level !== "PROVINCE") {
      throw new BadUserInputError(`input.regionCode "${input.regionCode}" is not a city or the province`, {
        field: "input.regionCode",
      });
    }
    const weights = input.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
    if (weights !== 100) {
      throw new BadUserInputError(`The criteria's weights add up to ${weights}, not 100`, {
        field: "input.criteria",
      });
    }
    if (input.criteria.filter((criterion) => criterion.kind === "PRICE").length > 1) {
      throw new BadUserInputError("A tender has at most one price criterion", { field: "input.criteria" });
    }
    const siteIds = input.lots.flatMap((lot) => (lot.siteId ? [lot.siteId] : []));
    if (siteIds.length) {
      const sites = await this.tenders.siteRegions(siteIds);
      for (const siteId of siteIds) {
        const site = sites.find((candidate) => candidate.id === siteId);
        if (!site || !isWithin(site.regionCode, input.regionCode)) {
          throw new BadUserInputError(`input.lots: site ${siteId} is not a home in ${region.name}`, {
            field: "input.lots",
          });
        }
      }
    }
    const evaluators = new Set(input.evaluators.map((evaluator) => evaluator.evaluatorId));
    if (evaluators.size !== input.evaluators.length) {
      throw new BadUserInputError("An evaluator is listed twice", { field: "input.evaluators" });
    }
    return this.tenders.create(input, createdBy);
  }

  /** Takes a bid until the deadline; one bid per vendor and lot (a unique index: CONFLICT). */
  async submitBid(
    lot: TenderLot,
    tender: Tender,
    input: SubmitBidInput,
    submittedBy: string | null,
  ): Promise<Bid> {
    const amountFen = checkedFen(input.amount, "input.amount");
    if (Date.now() > tender.deadline.getTime()) {
      throw new BadUserInputError(`The tender closed for bids at ${tender.deadline.toISOString()}`, {
        field: "lotId",
        deadline: tender.deadline.toISOString(),
      });
    }
    try {
      return await this.tenders.createBid({
        lotId: lot.id,
        vendorOrganisationId: input.vendorOrganisationId,
        amountFen,
        currency: input.amount.currency,
        submittedBy,
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_BID_PER_VENDOR)) {
        throw new ConflictError("This vendor has already bid for this lot", { lotId: lot.id });
      }
      throw error;
    }
  }

  /**
   * Records an evaluator's scores of a bid (replacing their earlier scores of the same criteria), in
   * one transaction. Only after the deadline, only by a member of the panel, never for a bid of the
   * evaluator's own organisation, only on the tender's scored criteria.
   */
  async score(bid: Bid, tender: Tender, evaluatorId: string, input: ScoreBidInput): Promise<BidScore[]> {
    if (Date.now() <= tender.deadline.getTime()) {
      throw new BadUserInputError("Bids are scored after the tender's deadline", { field: "bidId" });
    }
    const member = await this.tenders.panelMember(tender.id, evaluatorId);
    if (!member) throw new ForbiddenError("You are not on this tender's evaluation panel");
    if (member.organisationId && member.organisationId === bid.vendorOrganisationId) {
      throw new ForbiddenError("An evaluator does not score a bid of their own organisation", {
        organisationId: member.organisationId,
      });
    }
    const criteria = await this.tenders.criteriaOf([tender.id]);
    const seen = new Set<string>();
    for (const entry of input.scores) {
      const criterion = criteria.find((candidate) => candidate.id === entry.criterionId);
      if (criterion?.kind !== "SCORED") {
        throw new BadUserInputError(
          `input.scores: ${entry.criterionId} is not a scored criterion of this tender`,
          {
            field: "input.scores",
          },
        );
      }
      if (seen.has(entry.criterionId))
        throw new BadUserInputError("input.scores names a criterion twice", { field: "input.scores" });
      seen.add(entry.criterionId);
    }
    if (await this.tenders.contractOfLot(bid.lotId)) {
      throw new BadUserInputError("The lot has been awarded; its scores are final", { field: "bidId" });
    }
    return this.tenders.saveScores(bid, evaluatorId, input.scores);
  }

  /**
   * Awards a lot to its best-ranked bid after the deadline, recording the contract. Every bid must
   * be fully scored, and the bid named must be first in the ranking. One contract per lot (CONFLICT).
   */
  async award(lot: TenderLot, tender: Tender, bidId: string, awardedBy: string | null): Promise<Contract> {
    if (Date.now() <= tender.deadline.getTime()) {
      throw new BadUserInputError("A lot is awarded after the tender's deadline", { field: "lotId" });
    }
    const { ranked, bids } = await this.tenders.ranking(lot);
    const bid = bids.find((candidate) => candidate.id === bidId);
    if (!bid) throw new BadUserInputError(`bidId ${bidId} is not a bid for this lot`, { field: "bidId" });
    if (ranked.some((entry) => !entry.complete)) {
      throw new BadUserInputError("Every bid must be scored on every criterion before the lot is awarded", {
        field: "lotId",
      });
    }
    if (ranked[0]?.bidId !== bidId) {
      throw new BadUserInputError(`The bid ranked first is ${ranked[0]?.bidId}; only it can be awarded`, {
        field: "bidId",
      });
    }
    try {
      return await this.tenders.createContract({
        lotId: lot.id,
        bidId,
        vendorOrganisationId: bid.vendorOrganisationId,
        amountFen: bid.amountFen,
        currency: "CNY",
        awardedBy,
      });
    } catch (error) {
      if (ONE_CONTRACT_PER_LOT.some((constraint) => violatesUniqueConstraint(error, constraint))) {
        throw new ConflictError("This lot has already been awarded", { lotId: lot.id });
      }
      throw error;
    }
  }
}
