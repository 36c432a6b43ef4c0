import { byKeys } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import type { Student } from "./student.type.js";

/** The request's Student-by-id loader: every id asked for in one tick becomes one SQL query. */
export function studentLoader(context: PeopleContext) {
  return context.loaders.get<string, Student | null>("student.byId", async (ids) =>
    byKeys(ids, await context.students.findByIds(ids), (student) => student.id),
  );
}
