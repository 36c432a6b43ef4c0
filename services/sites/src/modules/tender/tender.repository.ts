import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { CreateTenderInput, ScoreBidInput } from "./tender.inputs.js";
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
const LOT_ORDER: readonly SqlOrderKey[] = [
  { field: "number", direction: "asc", type: "int" },
  { field: "id", direction: "asc", type: "uuid" },
];
/** The unique indexes that allow one bid per vendor and lot, and one contract per lot and per bid. */
export const ONE_BID_PER_VENDOR = "Bid_lotId_vendorOrganisationId_key";
export const ONE_CONTRACT_PER_LOT = ["Contract_lotId_key", "Contract_bidId_key"] as const;

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

  /** Tenders run by one region (all when none is given), newest first. */
  list(regionCode: string | null | undefined, page: PageRequest): Promise<ConnectionResult<Tender>> {
    return paginate<Tender>(this.prisma.tender, {
      where: regionCode ? { regionCode } : {},
      order: TENDER_ORDER,
      page,
    });
  }

  /** A page of lots per tender, by number, for a batch of tenders in one query. */
  lotPages(
    tenderIds: readonly string[],
    page: PageRequest,
    countTotal: (id: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<TenderLot>>> {
    return pagesByParent<TenderLot>(this.prisma, {
      from: Prisma.sql`SELECT "id", "tenderId", "number", "title", "siteId" FROM "TenderLot"`,
      parent: "tenderId",
      order: LOT_ORDER,
      parentIds: tenderIds,
      page,
      countTotal,
    });
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

  /** The regions of the homes among these ids. */
  siteRegions(siteIds: readonly string[]): Promise<{ id: string; regionCode: string }[]> {
    return this.prisma.site.findMany({
      where: { id: { in: [...siteIds] } },
      select: { id: true, regionCode: true },
    });
  }

  /** Creates a tender with its lots, criteria and panel in one statement (one transaction). */
  create(input: CreateTenderInput, createdBy: string | null): Promise<Tender> {
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

  createBid(bid: Prisma.BidUncheckedCreateInput): Promise<Bid> {
    return this.prisma.bid.create({ data: bid });
  }

  /** An evaluator's seat on a tender's panel, or null. */
  panelMember(tenderId: string, evaluatorId: string): Promise<TenderEvaluator | null> {
    return this.prisma.tenderEvaluator.findUnique({
      where: { tenderId_evaluatorId: { tenderId, evaluatorId } },
    });
  }

  contractOfLot(lotId: string): Promise<Contract | null> {
    return this.prisma.contract.findUnique({ where: { lotId } });
  }

  /**
   * Writes an evaluator's scores of a bid (replacing their earlier scores of the same criteria) in
   * one transaction; all their scores of the bid.
   */
  saveScores(bid: Bid, evaluatorId: string, scores: ScoreBidInput["scores"]): Promise<BidScore[]> {
    return this.prisma.$transaction(async (tx) => {
      for (const entry of scores) {
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

  createContract(contract: Prisma.ContractUncheckedCreateInput): Promise<Contract> {
    return this.prisma.contract.create({ data: contract });
  }
}
