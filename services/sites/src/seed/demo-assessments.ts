import { type DemoHome, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";

/** The year the demo province's homes were last assessed. */
export const DEMO_ASSESSMENT_YEAR = 2025;
/** The years a province-scale data set holds assessments for: the province assesses every year. */
export const PROVINCE_ASSESSMENT_YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];
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

/** One assessment with its five criterion scores. */
export interface DemoAssessment {
  assessment: Prisma.AssessmentCreateManyInput;
  scores: Prisma.AssessmentScoreCreateManyInput[];
}

/**
 * The 2025 assessments: every home open before September 2025 is assessed by its county, and
 * six in ten by their city too; demonstration homes score higher. The five best homes of each
 * city are that year's excellent homes.
 */
export function demoAssessments(homes: readonly DemoHome[], seed: number): DemoAssessments {
  const stream = assessmentStream(homes, seed);
  const result: DemoAssessments = { assessments: [], scores: [], excellent: [] };
  for (const { assessment, scores } of stream.assessments) {
    result.assessments.push(assessment);
    result.scores.push(...scores);
  }
  result.excellent = stream.excellent();
  return result;
}

/**
 * The same assessments one at a time, so that a large province streams into the database; the
 * excellent homes are known once every assessment has been read. `years` other than the demo's
 * 2025 assess, each year, the homes open before September of that year, the same way.
 */
export function assessmentStream(
  homes: readonly DemoHome[],
  seed: number,
  years: readonly number[] = [DEMO_ASSESSMENT_YEAR],
): { assessments: Iterable<DemoAssessment>; excellent: () => Prisma.ExcellentHomeCreateManyInput[] } {
  const byYearAndCity = new Map<string, { year: number; list: { siteId: string; totals: number[] }[] }>();
  let done = false;
  function* assessments(): Generator<DemoAssessment> {
    for (const year of years) yield* assessmentsOf(year);
    done = true;
  }
  function* assessmentsOf(year: number): Generator<DemoAssessment> {
    // 2025 draws from the demo's own source, so that the demo's assessments stay as they are.
    const random = new Random(seed + 3 + (DEMO_ASSESSMENT_YEAR - year) * 101);
    const before = new Date(`${year}-09-01`);
    for (const home of homes) {
      if (home.status !== "OPEN" || !home.openedOn || home.openedOn >= before) continue;
      const quality = home.demonstration ? 0.82 + random.next() * 0.15 : 0.6 + random.next() * 0.3;
      const levels = random.chance(0.6) ? (["COUNTY", "CITY"] as const) : (["COUNTY"] as const);
      const totals: number[] = [];
      for (const level of levels) {
        const id = random.uuid();
        let total = 0;
        const scores: Prisma.AssessmentScoreCreateManyInput[] = [];
        for (const [criterionCode, max] of CRITERIA) {
          const score = Math.max(
            0,
            Math.min(max, Math.round(max * (quality + (random.next() - 0.5) * 0.12))),
          );
          total += score;
          scores.push({ assessmentId: id, criterionCode, score });
        }
        totals.push(total);
        yield {
          assessment: {
            id,
            siteId: home.id,
            cityCode: home.cityCode,
            year,
            level,
            total,
            comments:
              total >= 85
                ? "管理规范，活动丰富，孩子们喜欢来"
                : total >= 70
                  ? "运行正常，台账需完善"
                  : "设施不足，需加强安全管理",
            assessorId: null,
            createdAt: new Date(`${year}-12-${String(random.int(1, 20)).padStart(2, "0")}T09:00:00Z`),
          },
          scores,
        };
      }
      const key = `${year}:${home.cityCode}`;
      const entry = byYearAndCity.get(key) ?? { year, list: [] };
      entry.list.push({ siteId: home.id, totals });
      byYearAndCity.set(key, entry);
    }
  }
  function excellent(): Prisma.ExcellentHomeCreateManyInput[] {
    if (!done) throw new Error("the excellent homes are known once every assessment has been read");
    const rows: Prisma.ExcellentHomeCreateManyInput[] = [];
    for (const { year, list } of byYearAndCity.values()) {
      const mean = (totals: number[]) => totals.reduce((sum, total) => sum + total, 0) / totals.length;
      const best = [...list]
        .sort((a, b) => mean(b.totals) - mean(a.totals) || a.siteId.localeCompare(b.siteId))
        .slice(0, EXCELLENT_PER_CITY);
      for (const { siteId } of best) {
        rows.push({
          year,
          siteId,
          citation: `${year}年度全省优秀留守学生之家`,
          selectedBy: null,
          selectedAt: new Date(`${year + 1}-01-15T10:00:00Z`),
        });
      }
    }
    return rows;
  }
  return { assessments: { [Symbol.iterator]: assessments }, excellent };
}
