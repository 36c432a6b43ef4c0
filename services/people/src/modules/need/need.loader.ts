import type { PeopleContext } from "../../context.js";
import type { Need } from "./need.type.js";

/** The request's needs-by-child loader: the needs of every child on a page come in one SQL query. */
export function needsLoader(context: PeopleContext) {
  return context.loaders.get<string, Need[]>("need.byStudentId", async (studentIds) => {
    const byStudent = new Map<string, Need[]>(studentIds.map((id) => [id, []]));
    for (const need of await context.needs.findByStudentIds(studentIds))
      byStudent.get(need.studentId)?.push(need);
    return studentIds.map((id) => byStudent.get(id) ?? []);
  });
}
