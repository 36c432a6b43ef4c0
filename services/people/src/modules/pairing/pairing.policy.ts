import type { PeopleContext } from "../../context.js";
import { studentLoader } from "../student/student.loader.js";
import { mayViewStudent } from "../student/student.policy.js";
import { isVolunteer } from "../volunteer/volunteer.policy.js";
import type { Pairing } from "./pairing.type.js";

/** A pairing is seen by its volunteer and by staff who may see the child. */
export async function mayViewPairing(context: PeopleContext, pairing: Pairing): Promise<boolean> {
  if (isVolunteer(context.principal, pairing.volunteerId)) return true;
  const student = await studentLoader(context).load(pairing.studentId);
  return student !== null && mayViewStudent(context.principal, student);
}
