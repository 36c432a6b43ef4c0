import { describe, expect, it } from "vitest";
import { type RankingScore, rankBids, toDecimal } from "./tender.ranking.js";

// The worked example of docs/subgraphs/sites.md ("Ranking bids: a worked example").
const CRITERIA = [
  { id: "price", kind: "PRICE" as const, weight: 40 },
  { id: "technical", kind: "SCORED" as const, weight: 35 },
  { id: "service", kind: "SCORED" as const, weight: 25 },
];
const at = new Date("2026-06-01T00:00:00Z");
const BIDS = [
  { id: "A", amountFen: 18_000_000n, submittedAt: at },
  { id: "B", amountFen: 20_000_000n, submittedAt: at },
  { id: "C", amountFen: 16_500_000n, submittedAt: at },
];
const given: [string, string, number, number][] = [
  // bid, criterion, evaluator 1, evaluator 2
  ["A", "technical", 80, 90],
  ["A", "service", 70, 80],
  ["B", "technical", 95, 85],
  ["B", "service", 90, 90],
  ["C", "technical", 70, 60],
  ["C", "service", 80, 70],
];
const SCORES: RankingScore[] = given.flatMap(([bidId, criterionId, first, second]) => [
  { bidId, criterionId, evaluatorId: "e1", score: first },
  { bidId, criterionId, evaluatorId: "e2", score: second },
]);

describe("rankBids", () => {
  it("matches the worked example: B 87.00, A 85.17, C 81.50", () => {
    const ranking = rankBids(CRITERIA, BIDS, SCORES);
    expect(ranking.map((bid) => [bid.bidId, bid.rank, toDecimal(bid.total)])).toEqual([
      ["B", 1, 87],
      ["A", 2, 85.17],
      ["C", 3, 81.5],
    ]);
    // A's price score is exactly 100 × 165,000 / 180,000 = 91 2/3, and its total 85 1/6.
    const a = ranking.find((bid) => bid.bidId === "A")!;
    expect(toDecimal(a.criteria[0]!.score!, 4)).toBe(91.6667);
    expect(a.total.num * 6n).toBe(a.total.den * 511n);
    expect(ranking.every((bid) => bid.complete)).toBe(true);
  });

  it("ranks a bid with an unscored criterion after the complete ones", () => {
    const ranking = rankBids(
      CRITERIA,
      BIDS,
      SCORES.filter((score) => !(score.bidId === "B" && score.criterionId === "service")),
    );
    expect(ranking.map((bid) => bid.bidId)).toEqual(["A", "C", "B"]);
    expect(ranking[2]).toMatchObject({ complete: false });
    expect(ranking[2]!.criteria[2]).toEqual({ criterionId: "service", score: null, evaluators: 0 });
  });

  it("breaks a tie with the lower amount, then the earlier bid", () => {
    const tie = rankBids(
      [{ id: "technical", kind: "SCORED", weight: 100 }],
      [
        { id: "X", amountFen: 200n, submittedAt: at },
        { id: "Y", amountFen: 100n, submittedAt: new Date("2026-06-02T00:00:00Z") },
        { id: "Z", amountFen: 100n, submittedAt: at },
      ],
      ["X", "Y", "Z"].map((bidId) => ({ bidId, criterionId: "technical", evaluatorId: "e1", score: 50 })),
    );
    expect(tie.map((bid) => bid.bidId)).toEqual(["Z", "Y", "X"]);
  });

  it("ranks no bids as an empty list and rounds half up for display", () => {
    expect(rankBids(CRITERIA, [], [])).toEqual([]);
    expect(toDecimal({ num: 1n, den: 8n }, 2)).toBe(0.13);
  });
});
