import { DAY_MS, HOUR_MS } from "@lamplight/regions";
import { type DemoHome, type DemoOrganisation, OrganisationKind, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import { rankBids } from "../modules/tender/tender.ranking.js";
import { organisationsFor } from "./demo-applications.js";
import { homeSteps } from "./demo-history.js";

const PROVINCE = "510000";

/** Homes whose construction is tendered: those tendering, and those building under its contract. */
const TENDERED_STATUSES = new Set(["TENDERING", "BUILDING"]);

// The worked example's criteria (docs/subgraphs/sites.md): price, technical plan, schedule and service.
const CRITERIA = [
  { name: "报价", kind: "PRICE", weight: 40 },
  { name: "技术方案", kind: "SCORED", weight: 35 },
  { name: "工期与服务", kind: "SCORED", weight: 25 },
] as const;
/** The panel: two construction experts of the city's pool and an officer of the education department. */
const PANEL = ["tender-expert-1", "tender-expert-2", "tender-officer"] as const;
const PANEL_ORGANISATION = "四川省教育厅";

/** One home's construction tender, with everything that hangs off it. */
export interface DemoTender {
  tender: Prisma.TenderCreateManyInput & { id: string };
  lot: Prisma.TenderLotCreateManyInput & { id: string };
  criteria: (Prisma.TenderCriterionCreateManyInput & { id: string })[];
  evaluators: Prisma.TenderEvaluatorCreateManyInput[];
  /** Amounts in fen as numbers (exact far beyond any bid), so that the rows travel as JSON. */
  bids: (Prisma.BidCreateManyInput & { id: string; amountFen: number; submittedAt: Date })[];
  scores: Prisma.BidScoreCreateManyInput[];
  /** The award, for a home that is building. */
  contract: (Prisma.ContractCreateManyInput & { amountFen: number }) | null;
}

/**
 * The companies that may bid for a city's homes, in tiers: its builders (…建设…), its other
 * companies, then the province-wide companies, so that every city has at least two.
 */
function vendorTiers(organisations: readonly DemoOrganisation[]): (cityCode: string) => DemoOrganisation[][] {
  const companies = organisations.filter(
    (organisation) => organisation.kind === OrganisationKind.ALLIANCE_COMPANY,
  );
  const provincial = companies.filter((organisation) => organisation.regionCode === PROVINCE);
  const tiers = new Map<string, DemoOrganisation[][]>();
  return (cityCode) => {
    let found = tiers.get(cityCode);
    if (!found) {
      const local = companies.filter((organisation) => organisation.regionCode === cityCode);
      const builders = local.filter((organisation) => organisation.name.includes("建设"));
      found = [builders, local.filter((organisation) => !builders.includes(organisation)), provincial];
      tiers.set(cityCode, found);
    }
    return found;
  };
}

/** `count` vendors, the first tiers first, drawn at random within a tier. */
function pickVendors(
  tiers: readonly DemoOrganisation[][],
  count: number,
  random: Random,
): DemoOrganisation[] {
  const chosen: DemoOrganisation[] = [];
  for (const tier of tiers) {
    const left = [...tier];
    while (left.length && chosen.length < count)
      chosen.push(left.splice(random.int(0, left.length - 1), 1)[0]!);
  }
  return chosen;
}

/**
 * The construction tender of every demo home that is tendering or building: run by the home's city
 * from the day of its TENDERING step, one lot for the home, the worked example's criteria, a panel
 * of three, and bids from two or three companies (the city's builders first). A building home's
 * bids are scored by the panel after the deadline, and its contract goes to the bid the tender's
 * own ranking (tender.ranking.ts) puts first, before its BUILDING step. One home at a time.
 * Deterministic: its own stream (`seed + 6`), so no other row moves.
 */
export function* tenderRows(homes: readonly DemoHome[], seed: number): Generator<DemoTender> {
  const random = new Random(seed + 6);
  const organisations = organisationsFor(seed);
  const tiersOf = vendorTiers(organisations);
  const panelOrganisation =
    organisations.find((organisation) => organisation.name === PANEL_ORGANISATION)?.id ?? null;
  for (const { home, steps } of homeSteps(homes, seed)) {
    if (!TENDERED_STATUSES.has(home.status)) continue;
    const opened = steps.get("TENDERING")!.getTime();
    const building = steps.get("BUILDING")?.getTime();
    // A building home's tender closed well before building began (its BUILDING step is at least
    // 20 days after TENDERING); a tender still running takes bids for three weeks.
    const deadline =
      building === undefined ? opened + 21 * DAY_MS : opened + Math.floor((building - opened) * 0.4);
    const tenderId = random.uuid();
    const tender: DemoTender["tender"] = {
      id: tenderId,
      title: `${home.name}建设工程`,
      purpose: "CONSTRUCTION",
      regionCode: home.cityCode,
      deadline: new Date(deadline),
      createdBy: null,
      createdAt: new Date(opened),
    };
    const lot: DemoTender["lot"] = {
      id: random.uuid(),
      tenderId,
      number: 1,
      title: "土建与装修",
      siteId: home.id,
    };
    const criteria = CRITERIA.map((criterion, index) => ({
      id: random.uuid(),
      tenderId,
      position: index + 1,
      ...criterion,
    }));
    const evaluators = PANEL.map((role) => ({
      tenderId,
      evaluatorId: `${home.cityCode}-${role}`,
      organisationId: role === "tender-officer" ? panelOrganisation : null,
    }));

    // The estimate: a base for the building and its fittings, and a sum per place.
    const estimateYuan = 60_000 + home.capacity * random.int(1_500, 2_500);
    const bids = pickVendors(tiersOf(home.cityCode), random.int(2, 3), random).map((vendor) => ({
      id: random.uuid(),
      lotId: lot.id,
      vendorOrganisationId: vendor.id,
      // Within 12 % of the estimate, to the hundred yuan.
      amountFen: Math.round((estimateYuan * (0.88 + random.next() * 0.24)) / 100) * 100 * 100,
      currency: "CNY",
      submittedBy: null,
      submittedAt: new Date(opened + DAY_MS + Math.floor(random.next() * (deadline - opened - 2 * DAY_MS))),
    }));
    if (building === undefined) {
      yield { tender, lot, criteria, evaluators, bids, scores: [], contract: null };
      continue;
    }
    const awardedAt = opened + Math.floor((building - opened) * 0.8);
    const scores: Prisma.BidScoreCreateManyInput[] = [];
    for (const bid of bids) {
      const quality = 60 + random.int(0, 25);
      for (const criterion of criteria) {
        if (criterion.kind !== "SCORED") continue;
        for (const evaluator of evaluators) {
          scores.push({
            bidId: bid.id,
            criterionId: criterion.id,
            evaluatorId: evaluator.evaluatorId,
            score: Math.min(100, quality + random.int(0, 12)),
            scoredAt: new Date(
              deadline + HOUR_MS + Math.floor(random.next() * (awardedAt - deadline - 2 * HOUR_MS)),
            ),
          });
        }
      }
    }
    const [first] = rankBids(
      criteria,
      bids.map((bid) => ({ id: bid.id, amountFen: BigInt(bid.amountFen), submittedAt: bid.submittedAt })),
      scores,
    );
    const winner = bids.find((bid) => bid.id === first!.bidId)!;
    const contract = {
      id: random.uuid(),
      lotId: lot.id,
      bidId: winner.id,
      vendorOrganisationId: winner.vendorOrganisationId,
      amountFen: winner.amountFen,
      currency: "CNY",
      awardedBy: null,
      awardedAt: new Date(awardedAt),
    };
    yield { tender, lot, criteria, evaluators, bids, scores, contract };
  }
}
