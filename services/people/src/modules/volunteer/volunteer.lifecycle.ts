import { VolunteerStatus } from "../../generated/prisma/enums.js";

/** The steps of a volunteer's registration, each a mutation. */
export type VolunteerStep = "vet" | "activate" | "deactivate";

/**
 * The registration lifecycle, APPLIED → VETTED → ACTIVE → INACTIVE: from which statuses each step
 * may be taken, and where it leads. An inactive volunteer may be activated again; nothing goes back
 * to APPLIED, and nobody becomes ACTIVE without having been VETTED.
 */
export const STEPS: Record<VolunteerStep, { from: readonly VolunteerStatus[]; to: VolunteerStatus }> = {
  vet: { from: [VolunteerStatus.APPLIED], to: VolunteerStatus.VETTED },
  activate: { from: [VolunteerStatus.VETTED, VolunteerStatus.INACTIVE], to: VolunteerStatus.ACTIVE },
  deactivate: { from: [VolunteerStatus.VETTED, VolunteerStatus.ACTIVE], to: VolunteerStatus.INACTIVE },
};

const EXPLANATIONS: Partial<Record<`${VolunteerStep}:${VolunteerStatus}`, string>> = {
  "activate:APPLIED": "a volunteer must be vetted (background check) before being activated",
  "vet:VETTED": "this volunteer has already been vetted",
  "vet:ACTIVE": "this volunteer is already vetted and active",
  "vet:INACTIVE": "this volunteer was vetted before; activate them again instead",
  "activate:ACTIVE": "this volunteer is already active",
  "deactivate:INACTIVE": "this volunteer is already inactive",
  "deactivate:APPLIED": "an application that was never vetted cannot be deactivated",
};

/** Where a step leads from a status, or why it may not be taken from there. */
export function nextStatus(
  current: VolunteerStatus,
  step: VolunteerStep,
): { ok: true; to: VolunteerStatus } | { ok: false; reason: string } {
  const rule = STEPS[step];
  if (rule.from.includes(current)) return { ok: true, to: rule.to };
  return {
    ok: false,
    reason: `Cannot ${step} a volunteer who is ${current}: ${EXPLANATIONS[`${step}:${current}`] ?? `allowed only from ${rule.from.join(" or ")}`}`,
  };
}

/** Whether a background check is valid on a day (expiring today still counts). */
export function checkIsCurrent(expiresOn: Date | null, day: Date): boolean {
  return expiresOn !== null && expiresOn.getTime() >= day.getTime();
}
