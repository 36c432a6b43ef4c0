import { hasRole, Role } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import { pairedStudentIdsLoader } from "../pairing/pairing.loader.js";
import { isPairedWith, mayViewStudent, type StudentScope, studentScope } from "./student.policy.js";

/** The children the caller is paired with now (empty unless a volunteer): one query per request. */
export async function pairedStudentIds(context: PeopleContext): Promise<string[]> {
  const { principal } = context;
  if (!hasRole(principal, Role.VOLUNTEER) || !principal.volunteerId) return [];
  return pairedStudentIdsLoader(context).load(principal.volunteerId);
}

/** The children the caller may see, for lists and counts: staff by region and home, volunteers by pairing. */
export async function studentScopeOf(context: PeopleContext): Promise<StudentScope> {
  return studentScope(context.principal, await pairedStudentIds(context));
}

/** Staff who may see this child, or the volunteer paired with them now. */
export async function mayViewChild(
  context: PeopleContext,
  student: { id: string; regionCode: string; siteId: string | null },
): Promise<boolean> {
  if (mayViewStudent(context.principal, student)) return true;
  return isPairedWith(context.principal, student.id, await pairedStudentIds(context));
}
