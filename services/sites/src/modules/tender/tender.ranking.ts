// The weighted ranking of a lot's bids: pure, exact arithmetic (fractions of integers), no floats
// until the score is shown. The worked example in docs/subgraphs/sites.md is its unit test.

export type CriterionKind = "SCORED" | "PRICE";

export interface RankingCriterion {
  id: string;
  kind: CriterionKind;
  /** Whole-number weight; the weights of a tender add up to 100. */
  weight: number;
}

export interface RankingBid {
  id: string;
  amountFen: bigint;
  submittedAt: Date;
}

export interface RankingScore {
  bidId: string;
  criterionId: string;
  evaluatorId: string;
  /** 0 to 100. */
  score: number;
}

/** An exact non-negative fraction. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export interface CriterionResult {
  criterionId: string;
  /** The evaluators' mean for a scored criterion, or the price score; null when nobody scored it yet. */
  score: Fraction | null;
  /** How many evaluators scored it (0 for price). */
  evaluators: number;
}

export interface RankedBid {
  bidId: string;
  /** 1 for the best bid; complete bids rank before incomplete ones. */
  rank: number;
  /** Σ weight × criterion score / Σ weight, on a 0 to 100 scale; unscored criteria count as 0. */
  total: Fraction;
  /** Whether every scored criterion has at least one evaluator's score. */
  complete: boolean;
  criteria: CriterionResult[];
}

const fraction = (num: bigint, den: bigint): Fraction => ({ num, den });
const compare = (a: Fraction, b: Fraction): number => {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
};

/** A fraction as a decimal number rounded half up to `places` decimals (for display only). */
export function toDecimal(value: Fraction, places = 2): number {
  const scale = 10n ** BigInt(places);
  const scaled = (value.num * scale * 2n + value.den) / (value.den * 2n);
  return Number(scaled) / Number(scale);
}

/**
 * Ranks the bids of one lot. A scored criterion's score is the mean of the evaluators' scores; the
 * price criterion gives the lowest bid 100 and every other bid 100 × lowest / its amount. The
 * total is the weighted mean of the criterion scores. Higher totals rank first; ties go to the
 * lower amount, then the earlier bid, then the id.
 */
export function rankBids(
  criteria: readonly RankingCriterion[],
  bids: readonly RankingBid[],
  scores: readonly RankingScore[],
): RankedBid[] {
  if (bids.length === 0) return [];
  let lowest = bids[0]!.amountFen;
  for (const bid of bids) if (bid.amountFen < lowest) lowest = bid.amountFen;
  const totalWeight = BigInt(criteria.reduce((sum, criterion) => sum + criterion.weight, 0));
  const ranked = bids.map((bid) => {
    let complete = true;
    // Σ weight × score, over a common denominator built up as we go.
    let sum = fraction(0n, 1n);
    const results: CriterionResult[] = criteria.map((criterion) => {
      let score: Fraction | null;
      let evaluators = 0;
      if (criterion.kind === "PRICE") {
        score = fraction(100n * lowest, bid.amountFen);
      } else {
        const given = scores.filter((entry) => entry.bidId === bid.id && entry.criterionId === criterion.id);
        evaluators = given.length;
        score = given.length
          ? fraction(BigInt(given.reduce((total, entry) => total + entry.score, 0)), BigInt(given.length))
          : null;
        if (!score) complete = false;
      }
      if (score) {
        const weighted = fraction(BigInt(criterion.weight) * score.num, score.den);
        sum = fraction(sum.num * weighted.den + weighted.num * sum.den, sum.den * weighted.den);
      }
      return { criterionId: criterion.id, score, evaluators };
    });
    const total = totalWeight > 0n ? fraction(sum.num, sum.den * totalWeight) : fraction(0n, 1n);
    return { bid, complete, total, criteria: results };
  });
  ranked.sort(
    (a, b) =>
      Number(b.complete) - Number(a.complete) ||
      compare(b.total, a.total) ||
      (a.bid.amountFen < b.bid.amountFen ? -1 : a.bid.amountFen > b.bid.amountFen ? 1 : 0) ||
      a.bid.submittedAt.getTime() - b.bid.submittedAt.getTime() ||
      a.bid.id.localeCompare(b.bid.id),
  );
  return ranked.map((entry, index) => ({
    bidId: entry.bid.id,
    rank: index + 1,
    total: entry.total,
    complete: entry.complete,
    criteria: entry.criteria,
  }));
}
