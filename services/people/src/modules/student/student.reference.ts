import type { PeopleContext } from "../../context.js";
import { studentLoader } from "./student.loader.js";
import type { Student } from "./student.type.js";

/**
 * `_entities` for Student: batched through the request's loader, one query per batch. A reference
 * resolves for every caller, because the subgraph that handed out the id has already decided the
 * caller may know of this child; what the caller may read of the child is decided field by field
 * (StudentResolver: personal fields are REDACTED unless mayViewStudent).
 */
export function resolveStudentReference(
  reference: { id: string },
  context: PeopleContext,
): Promise<Student | null> {
  return studentLoader(context).load(reference.id);
}
