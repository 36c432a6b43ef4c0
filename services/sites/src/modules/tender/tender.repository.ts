import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError, ForbiddenError } from "@lamplight/platform";
import { getRegion, isWithin } from "@lamplight/regions";
import {
  type ConnectionResult,
  checkedFen,
  isUuid,
  type PageRequest,
  paginate,
} from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { pagesByParent } from "../../paging.js";
import type { CreateTenderInput, ScoreBidInput, SubmitBidInput } from "./tender.inputs.js";
import { type RankedBid as RankedBidResult, rankBids } from "./tender.ranking.js";
import type {
  Bid,
  BidScore,
  Contract,
  Tender,
  TenderCriterion,
  TenderEvaluator,
  TenderLot,
} from "./tender.type.js";

const TENDER_ORDER = [
  { field: "createdAt", direction: "desc" },
  { field: "id", direction: "desc" },
] as const;
export const LOT_ORDER = [
  { field: "number", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;
const inList = <T>(ids: readonly string[], query: (valid: string[]) => Promise<T[]>): Promise<T[]> => {
  const valid = [...new Set(ids.filter(isUuid))];
  return valid.length ? query(valid) : Promise.resolve([]);
};

/** Tenders, lots, criteria, panels, bids, scores and contracts: the only code touching those tables. */
export class TenderRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<Tender[]> {
    return inList(ids, (valid) => this.prisma.tender.findMany({ where: { id: { in: valid } } }));
  }

  lotsByIds(ids: readonly string[]): Promise<TenderLot[]> {
    return inList(ids, (valid) => this.prisma.tenderLot.findMany({ where: { id: { in: valid } } }));
  }

  bidsByIds(ids: readonly string[]): Promise<Bid[]> {
    return inList(ids, (valid) => this.prisma.bid.findMany({ where: { id: { in: valid } } }));
  }

  list(regionCode: string | null | undefined, page: PageRequest): Promise<ConnectionResult<Tender>> {
    let where = {};
    if (regionCode) {
      if (!getRegion(regionCode))
        throw new BadUserInputError(`filter.region "${regionCode}" is not a region of the province`, {
          field: "filter.region",
        });
      where = { regionCode };
    }
    return paginate<Tender>(this.prisma.tender, { where, order: TENDER_ORDER, page });
  }

  lotPages(tenderIds: readonly string[], page: PageRequest): Promise<Map<string, TenderLot[]>> {
    return pagesByParent<TenderLot & Record<string, unknown>>(
      this.prisma,
      {
        table: "TenderLot",
        parentColumn: "tenderId",
        columns: `"id", "tenderId", "number", "title", "siteId"`,
        orderColumn: "number",
        orderKind: "int",
      },
      tenderIds,
      page,
    );
  }

  async lotCounts(tenderIds: readonly string[]): Promise<Map<string, number>> {
    const groups = await inList(tenderIds, (valid) =>
      this.prisma.tenderLot.groupBy({
        by: ["tenderId"],
        where: { tenderId: { in: valid } },
        _count: { _all: true },
      }),
    );
    return new Map(groups.map((group) => [group.tenderId, group._count._all]));
  }

  criteriaOf(tenderIds: readonly string[]): Promise<TenderCriterion[]> {
    return inList(tenderIds, (valid) =>
      this.prisma.tenderCriterion.findMany({
        where: { tenderId: { in: valid } },
        orderBy: { position: "asc" },
      }),
    );
  }

  evaluatorsOf(tenderIds: readonly string[]): Promise<(TenderEvaluator & { tenderId: string })[]> {
    return inList(tenderIds, (valid) =>
      this.prisma.tenderEvaluator.findMany({
        where: { tenderId: { in: valid } },
        orderBy: { evaluatorId: "asc" },
      }),
    );
  }

  bidsOfLots(lotIds: readonly string[]): Promise<Bid[]> {
    return inList(lotIds, (valid) =>
      this.prisma.bid.findMany({
        where: { lotId: { in: valid } },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      }),
    );
  }

  scoresOf(bidIds: readonly string[]): Promise<BidScore[]> {
    return inList(bidIds, (valid) =>
      this.prisma.bidScore.findMany({
        where: { bidId: { in: valid } },
        orderBy: [{ criterionId: "asc" }, { evaluatorId: "asc" }],
      }),
    );
  }

  contractsOfLots(lotIds: readonly string[]): Promise<Contract[]> {
    return inList(lotIds, (valid) => this.prisma.contract.findMany({ where: { lotId: { in: valid } } }));
  }

  contractsByIds(ids: readonly string[]): Promise<Contract[]> {
    return inList(ids, (valid) => this.prisma.contract.findMany({ where: { id: { in: valid } } }));
  }

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
      const sites = await this.prisma.site.findMany({
        where: { id: { in: siteIds } },
        select: { id: true, regionCode: true },
      });
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
    return this.prisma.tender.create({
      data: {
        title: input.title.trim(),
        purpose: input.purpose,
        regionCode: input.regionCode,
        deadline: input.deadline,
        createdBy,
        lots: {
          create: input.lots.map((lot, index) => ({
            number: index + 1,
            title: lot.title.trim(),
            siteId: lot.siteId ?? null,
          })),
        },
        criteria: {
          create: input.criteria.map((criterion, index) => ({
            position: index + 1,
            name: criterion.name.trim(),
            kind: criterion.kind,
            weight: criterion.weight,
          })),
        },
        evaluators: {
          create: input.evaluators.map((evaluator) => ({
            evaluatorId: evaluator.evaluatorId,
            organisationId: evaluator.organisationId ?? null,
          })),
        },
      },
    });
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
      return await this.prisma.bid.create({
        data: {
          lotId: lot.id,
          vendorOrganisationId: input.vendorOrganisationId,
          amountFen,
          currency: input.amount.currency,
          submittedBy,
        },
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, "Bid_lotId_vendorOrganisationId_key")) {
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
    const member = await this.prisma.tenderEvaluator.findUnique({
      where: { tenderId_evaluatorId: { tenderId: tender.id, evaluatorId } },
    });
    if (!member) throw new ForbiddenError("You are not on this tender's evaluation panel");
    if (member.organisationId && member.organisationId === bid.vendorOrganisationId) {
      throw new ForbiddenError("An evaluator does not score a bid of their own organisation", {
        organisationId: member.organisationId,
      });
    }
    const criteria = await this.prisma.tenderCriterion.findMany({ where: { tenderId: tender.id } });
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
    const contract = await this.prisma.contract.findUnique({ where: { lotId: bid.lotId } });
    if (contract)
      throw new BadUserInputError("The lot has been awarded; its scores are final", { field: "bidId" });
    return this.prisma.$transaction(async (tx) => {
      for (const entry of input.scores) {
        await tx.bidScore.upsert({
          where: {
            bidId_criterionId_evaluatorId: { bidId: bid.id, criterionId: entry.criterionId, evaluatorId },
          },
          create: { bidId: bid.id, criterionId: entry.criterionId, evaluatorId, score: entry.score },
          update: { score: entry.score, scoredAt: new Date() },
        });
      }
      return tx.bidScore.findMany({ where: { bidId: bid.id, evaluatorId }, orderBy: { criterionId: "asc" } });
    });
  }

  /** The weighted ranking of a lot's bids (tender.ranking.ts). */
  async ranking(lot: TenderLot): Promise<{ ranked: RankedBidResult[]; bids: Bid[] }> {
    const [criteria, bids] = await Promise.all([this.criteriaOf([lot.tenderId]), this.bidsOfLots([lot.id])]);
    const scores = await this.scoresOf(bids.map((bid) => bid.id));
    return { ranked: rankBids(criteria, bids, scores), bids };
  }

  /**
   * Awards a lot to its best-ranked bid after the deadline, recording the contract. Every bid must
   * be fully scored, and the bid named must be first in the ranking. One contract per lot (CONFLICT).
   */
  async award(lot: TenderLot, tender: Tender, bidId: string, awardedBy: string | null): Promise<Contract> {
    if (Date.now() <= tender.deadline.getTime()) {
      throw new BadUserInputError("A lot is awarded after the tender's deadline", { field: "lotId" });
    }
    const { ranked, bids } = await this.ranking(lot);
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
      return await this.prisma.contract.create({
        data: {
          lotId: lot.id,
          bidId,
          vendorOrganisationId: bid.vendorOrganisationId,
          amountFen: bid.amountFen,
          currency: "CNY",
          awardedBy,
        },
      });
    } catch (error) {
      if (
        violatesUniqueConstraint(error, "Contract_lotId_key") ||
        violatesUniqueConstraint(error, "Contract_bidId_key")
      ) {
        throw new ConflictError("This lot has already been awarded", { lotId: lot.id });
      }
      throw error;
    }
  }
}
