import { isoDay } from "@lamplight/regions";
import { TrainingTopic, VolunteerStatus } from "../../generated/prisma/enums.js";
import { checkIsCurrent } from "../volunteer/volunteer.lifecycle.js";

/** What decides whether a volunteer may take on another child. */
export interface PairingCandidate {
  status: VolunteerStatus;
  backgroundCheckExpiresOn: Date | null;
  trainings: readonly { topic: TrainingTopic; expiresOn: Date | null; completedOn: Date }[];
  openPairings: number;
}

export type PairingProblemCode =
  | "VOLUNTEER_NOT_ACTIVE"
  | "BACKGROUND_CHECK_MISSING"
  | "BACKGROUND_CHECK_EXPIRED"
  | "NOT_TRAINED"
  | "PAIRING_LIMIT_REACHED";

export interface PairingProblem {
  code: PairingProblemCode;
  message: string;
}

/** The training a volunteer needs, current, before working one-to-one with a child. */
export const REQUIRED_TRAINING = TrainingTopic.CHILD_PROTECTION;

/** Whether the volunteer holds a current child-protection training on this day. */
export function isTrained(candidate: Pick<PairingCandidate, "trainings">, day: Date): boolean {
  return candidate.trainings.some(
    (training) =>
      training.topic === REQUIRED_TRAINING &&
      training.completedOn.getTime() <= day.getTime() &&
      (training.expiresOn === null || training.expiresOn.getTime() >= day.getTime()),
  );
}

/**
 * Every reason this volunteer may not be paired with another child on `day`: only an active,
 * vetted (background check not expired), trained volunteer with fewer than `limit` open pairings
 * may. An empty list means they may.
 */
export function pairingProblems(candidate: PairingCandidate, day: Date, limit: number): PairingProblem[] {
  const problems: PairingProblem[] = [];
  if (candidate.status !== VolunteerStatus.ACTIVE) {
    problems.push({
      code: "VOLUNTEER_NOT_ACTIVE",
      message: `The volunteer is ${candidate.status}: only an active volunteer may be paired with a child`,
    });
  }
  if (candidate.backgroundCheckExpiresOn === null) {
    problems.push({
      code: "BACKGROUND_CHECK_MISSING",
      message: "The volunteer has no background check for working with minors",
    });
  } else if (!checkIsCurrent(candidate.backgroundCheckExpiresOn, day)) {
    problems.push({
      code: "BACKGROUND_CHECK_EXPIRED",
      message: `The volunteer's background check expired on ${isoDay(candidate.backgroundCheckExpiresOn)}; renew it before pairing`,
    });
  }
  if (!isTrained(candidate, day)) {
    problems.push({
      code: "NOT_TRAINED",
      message: "The volunteer has no current child-protection training",
    });
  }
  if (candidate.openPairings >= limit) {
    problems.push({
      code: "PAIRING_LIMIT_REACHED",
      message: `The volunteer is already paired with ${candidate.openPairings} children, the most one volunteer may support (${limit})`,
    });
  }
  return problems;
}
