import { Volunteer } from "./volunteer.type.js";

/** `_entities` for Volunteer: the fields added here need only the id, so no SQL. */
export function resolveVolunteerReference(reference: { id: string }): Volunteer {
  return Volunteer.of(reference.id);
}
