import { byKeys, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { SitesContext } from "../../context.js";
import type {
  Bid,
  BidScore,
  Contract,
  Tender,
  TenderCriterion,
  TenderEvaluator,
  TenderLot,
} from "./tender.type.js";

const groupBy = <Row>(ids: readonly string[], rows: readonly Row[], keyOf: (row: Row) => string): Row[][] =>
  ids.map((id) => rows.filter((row) => keyOf(row) === id));

export function tenderLoader(context: SitesContext) {
  return context.loaders.get<string, Tender | null>("tender.byId", async (ids) =>
    byKeys(ids, await context.tenders.findByIds(ids), (row) => row.id),
  );
}

export function lotLoader(context: SitesContext) {
  return context.loaders.get<string, TenderLot | null>("tender.lotById", async (ids) =>
    byKeys(ids, await context.tenders.lotsByIds(ids), (row) => row.id),
  );
}

export function bidLoader(context: SitesContext) {
  return context.loaders.get<string, Bid | null>("tender.bidById", async (ids) =>
    byKeys(ids, await context.tenders.bidsByIds(ids), (row) => row.id),
  );
}

export function lotPageLoader(context: SitesContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<TenderLot>>(
    `tender.lots:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.tenders.lotPages(ids, page, (id) => lotCountLoader(context).load(id));
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function lotCountLoader(context: SitesContext) {
  return context.loaders.get<string, number>("tender.lotCount", async (ids) => {
    const counts = await context.tenders.lotCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export function criteriaLoader(context: SitesContext) {
  return context.loaders.get<string, TenderCriterion[]>("tender.criteria", async (ids) =>
    groupBy(ids, await context.tenders.criteriaOf(ids), (row) => row.tenderId),
  );
}

export function evaluatorsLoader(context: SitesContext) {
  return context.loaders.get<string, TenderEvaluator[]>("tender.evaluators", async (ids) =>
    groupBy(ids, await context.tenders.evaluatorsOf(ids), (row) => row.tenderId),
  );
}

/** Every bid of each lot (a lot has a handful): one query per batch. */
export function lotBidsLoader(context: SitesContext) {
  return context.loaders.get<string, Bid[]>("tender.lotBids", async (ids) =>
    groupBy(ids, await context.tenders.bidsOfLots(ids), (row) => row.lotId),
  );
}

export function scoresLoader(context: SitesContext) {
  return context.loaders.get<string, BidScore[]>("tender.scores", async (ids) =>
    groupBy(ids, await context.tenders.scoresOf(ids), (row) => row.bidId),
  );
}

export function contractLoader(context: SitesContext) {
  return context.loaders.get<string, Contract | null>("tender.contractByLot", async (ids) =>
    byKeys(ids, await context.tenders.contractsOfLots(ids), (row) => row.lotId),
  );
}

/** Contracts by id (an order placed under one): one query per batch. */
export function contractByIdLoader(context: SitesContext) {
  return context.loaders.get<string, Contract | null>("tender.contractById", async (ids) =>
    byKeys(ids, await context.tenders.contractsByIds(ids), (row) => row.id),
  );
}
