import type { PeopleContext } from "../../context.js";
import { volunteerLoader } from "./volunteer.loader.js";
import type { Volunteer } from "./volunteer.type.js";

/**
 * `_entities` for Volunteer: batched through the request's loader, one query per batch. It resolves
 * for every caller; the personal fields decide on their own (VolunteerResolver). With `@requires`,
 * the gateway sends `activityMinutes` along in the representation: it is kept for serviceMinutes.
 */
export async function resolveVolunteerReference(
  reference: { id: string; activityMinutes?: number },
  context: PeopleContext,
): Promise<Volunteer | null> {
  const volunteer = await volunteerLoader(context).load(reference.id);
  if (!volunteer) return null;
  return reference.activityMinutes === undefined
    ? volunteer
    : { ...volunteer, activityMinutes: reference.activityMinutes };
}
