import {
  NeedCategory,
  NeedLevel,
  VolunteerKind,
  VolunteerSkill,
  type Weekday,
} from "../../generated/prisma/enums.js";

/** The skills that serve each category of need. */
export const SKILLS_FOR_NEED: Record<NeedCategory, readonly VolunteerSkill[]> = {
  PSYCHOLOGICAL: [VolunteerSkill.COUNSELLING, VolunteerSkill.FAMILY_EDUCATION],
  SAFETY: [VolunteerSkill.SAFETY_EDUCATION, VolunteerSkill.LEGAL_AID],
  LEARNING: [VolunteerSkill.TUTORING, VolunteerSkill.READING],
  HEALTH: [VolunteerSkill.HEALTH_CARE],
  CULTURAL_LIFE: [VolunteerSkill.ARTS_AND_SPORTS, VolunteerSkill.READING],
};

/** The professional volunteers the programme seeks for each category of need. */
export const PROFESSION_FOR_NEED: Record<NeedCategory, VolunteerKind | null> = {
  PSYCHOLOGICAL: VolunteerKind.PSYCHOLOGICAL_COUNSELLOR,
  SAFETY: VolunteerKind.LAWYER,
  LEARNING: VolunteerKind.TEACHER,
  HEALTH: VolunteerKind.DOCTOR,
  CULTURAL_LIFE: null,
};

const LEVEL_WEIGHT: Record<NeedLevel, number> = { LOW: 10, MEDIUM: 20, HIGH: 30 };
const WEEKEND: readonly Weekday[] = ["SATURDAY", "SUNDAY"];

/** Who needs support: one child, or the children of a home (needs summed over them). */
export interface MatchTarget {
  regionCode: string;
  cityCode: string;
  /** One entry per need; `children`: how many children have it (1 for one child). */
  needs: readonly { category: NeedCategory; level: NeedLevel; children: number }[];
}

const LEVEL_ORDER: readonly NeedLevel[] = [NeedLevel.LOW, NeedLevel.MEDIUM, NeedLevel.HIGH];

/**
 * The needs of one child or of a home's children, one entry per category: how many children have
 * it (by their latest assessment in that category) and the highest level among them. Each
 * child's needs come newest first, as the needs loader gives them.
 */
export function targetNeeds(
  children: readonly (readonly { category: NeedCategory; level: NeedLevel }[])[],
): MatchTarget["needs"] {
  const byCategory = new Map<NeedCategory, { category: NeedCategory; level: NeedLevel; children: number }>();
  for (const needs of children) {
    const latest = new Map<NeedCategory, NeedLevel>();
    for (const need of needs) if (!latest.has(need.category)) latest.set(need.category, need.level);
    for (const [category, level] of latest) {
      const entry = byCategory.get(category) ?? { category, level, children: 0 };
      entry.children += 1;
      if (LEVEL_ORDER.indexOf(level) > LEVEL_ORDER.indexOf(entry.level)) entry.level = level;
      byCategory.set(category, entry);
    }
  }
  return [...byCategory.values()];
}

export interface MatchCandidate {
  kind: VolunteerKind;
  skills: readonly VolunteerSkill[];
  regionCode: string;
  cityCode: string;
  availableDays: readonly Weekday[];
  weeklyHours: number;
  /** Children they may still take on (the limit minus their open pairings), at least 1 for a candidate. */
  placesLeft: number;
}

export interface MatchScore {
  score: number;
  reasons: string[];
}

const label = (text: string) => text.toLowerCase().replaceAll("_", " ");

/**
 * How well a volunteer suits a child or a home, and why, as plain sentences. Pure: the same
 * volunteer and target always give the same score. Points, in order of weight:
 * - each need a skill of theirs serves: 10, 20 or 30 by the need's (highest) level, times the children with it;
 * - a professional for a need (a counsellor for a psychological one, a doctor for health…): 15 per need;
 * - living in the child's county 25, or in the same city 10;
 * - availability: 2 per weekly hour up to 10 hours, 5 more for weekends (when children are at the homes);
 * - places left: 3 per child they may still take on.
 */
export function scoreVolunteer(candidate: MatchCandidate, target: MatchTarget): MatchScore {
  let score = 0;
  const reasons: string[] = [];
  for (const need of target.needs) {
    const skill = SKILLS_FOR_NEED[need.category].find((candidateSkill) =>
      candidate.skills.includes(candidateSkill),
    );
    const times = Math.max(1, need.children);
    if (skill) {
      score += LEVEL_WEIGHT[need.level] * times;
      reasons.push(
        `${label(skill)} skill for a ${label(need.level)} ${label(need.category)} need${times > 1 ? ` (${times} children)` : ""}`,
      );
    }
    if (PROFESSION_FOR_NEED[need.category] === candidate.kind) {
      score += 15 * times;
      reasons.push(
        `a ${label(candidate.kind)} for a ${label(need.category)} need${times > 1 ? ` (${times} children)` : ""}`,
      );
    }
  }
  if (candidate.regionCode === target.regionCode) {
    score += 25;
    reasons.push("lives in the child's county");
  } else if (candidate.cityCode === target.cityCode) {
    score += 10;
    reasons.push("lives in the child's city");
  }
  const hours = Math.min(candidate.weeklyHours, 10);
  if (hours > 0) {
    score += 2 * hours;
    reasons.push(`available ${candidate.weeklyHours} hours a week`);
  }
  if (WEEKEND.some((day) => candidate.availableDays.includes(day))) {
    score += 5;
    reasons.push("available at weekends");
  }
  score += 3 * candidate.placesLeft;
  reasons.push(`${candidate.placesLeft} ${candidate.placesLeft === 1 ? "place" : "places"} left for pairing`);
  return { score, reasons };
}
