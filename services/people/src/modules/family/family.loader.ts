import type { PeopleContext } from "../../context.js";
import type { Guardian, MigrantParent } from "./family.type.js";

function groupBy<Row extends { studentId: string }>(ids: readonly string[], rows: Row[]): Row[][] {
  const byStudent = new Map<string, Row[]>(ids.map((id) => [id, []]));
  for (const row of rows) byStudent.get(row.studentId)?.push(row);
  return ids.map((id) => byStudent.get(id) ?? []);
}

/** The guardians of every child on a page, in one query. */
export function guardiansLoader(context: PeopleContext) {
  return context.loaders.get<string, Guardian[]>("family.guardians", async (ids) =>
    groupBy(ids, await context.family.guardiansOf(ids)),
  );
}

/** The migrant parents of every child on a page, in one query. */
export function migrantParentsLoader(context: PeopleContext) {
  return context.loaders.get<string, MigrantParent[]>("family.migrantParents", async (ids) =>
    groupBy(ids, await context.family.migrantParentsOf(ids)),
  );
}
