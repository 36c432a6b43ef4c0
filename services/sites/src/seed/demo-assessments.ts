import { type DemoHome, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";

/** The year the demo province's homes were last assessed. */
export const DEMO_ASSESSMENT_YEAR = 2025;
/** Excellent homes the province selected that year, per city (the best by score). */
export const EXCELLENT_PER_CITY = 5;

const CRITERIA: readonly (readonly [string, number])[] = [
  ["SAFETY", 25],
  ["CARE", 25],
  ["ACTIVITIES", 20],
  ["FACILITIES", 15],
  ["RECORDS", 15],
];

export interface DemoAssessments {
  assessments: Prisma.AssessmentCreateManyInput[];
  scores: Prisma.AssessmentScoreCreateManyInput[];
  excellent: Prisma.ExcellentHomeCreateManyInput[];
}

/**
 * The 2025 assessments: every home open before September 2025 is assessed by its county, and
 * six in ten by their city too; demonstration homes score higher. The five best homes of each
 * city are that year's excellent homes.
 */
export function demoAssessments(homes: readonly DemoHome[], seed: number): DemoAssessments {
  const random = new Random(seed + 3);
  const result: DemoAssessments = { assessments: [], scores: [], excellent: [] };
  const byCity = new Map<string, { siteId: string; totals: number[] }[]>();
  for (const home of homes) {
    if (home.status !== "OPEN" || !home.openedOn || home.openedOn >= new Date("2025-09-01")) continue;
    const quality = home.demonstration ? 0.82 + random.next() * 0.15 : 0.6 + random.next() * 0.3;
    const levels = random.chance(0.6) ? (["COUNTY", "CITY"] as const) : (["COUNTY"] as const);
    const totals: number[] = [];
    for (const level of levels) {
      const id = random.uuid();
      let total = 0;
      for (const [criterionCode, max] of CRITERIA) {
        const score = Math.max(0, Math.min(max, Math.round(max * (quality + (random.next() - 0.5) * 0.12))));
        total += score;
        result.scores.push({ assessmentId: id, criterionCode, score });
      }
      totals.push(total);
      result.assessments.push({
        id,
        siteId: home.id,
        cityCode: home.cityCode,
        year: DEMO_ASSESSMENT_YEAR,
        level,
        total,
        comments:
          total >= 85
            ? "管理规范，活动丰富，孩子们喜欢来"
            : total >= 70
              ? "运行正常，台账需完善"
              : "设施不足，需加强安全管理",
        assessorId: null,
        createdAt: new Date(
          `${DEMO_ASSESSMENT_YEAR}-12-${String(random.int(1, 20)).padStart(2, "0")}T09:00:00Z`,
        ),
      });
    }
    const list = byCity.get(home.cityCode) ?? [];
    list.push({ siteId: home.id, totals });
    byCity.set(home.cityCode, list);
  }
  for (const list of byCity.values()) {
    const mean = (totals: number[]) => totals.reduce((sum, total) => sum + total, 0) / totals.length;
    const best = [...list]
      .sort((a, b) => mean(b.totals) - mean(a.totals) || a.siteId.localeCompare(b.siteId))
      .slice(0, EXCELLENT_PER_CITY);
    for (const { siteId } of best) {
      result.excellent.push({
        year: DEMO_ASSESSMENT_YEAR,
        siteId,
        citation: `${DEMO_ASSESSMENT_YEAR}年度全省优秀留守学生之家`,
        selectedBy: null,
        selectedAt: new Date(`${DEMO_ASSESSMENT_YEAR + 1}-01-15T10:00:00Z`),
      });
    }
  }
  return result;
}
