import { byKeys, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import type { Pairing } from "./pairing.type.js";

export function pairingLoader(context: PeopleContext) {
  return context.loaders.get<string, Pairing | null>("pairing.byId", async (ids) =>
    byKeys(ids, await context.pairings.findByIds(ids), (pairing) => pairing.id),
  );
}

/** The children each volunteer is paired with now: one query per batch (usually the caller alone). */
export function pairedStudentIdsLoader(context: PeopleContext) {
  return context.loaders.get<string, string[]>("pairing.openStudentIds", async (volunteerIds) => {
    const byVolunteer = await context.pairings.openStudentIds(volunteerIds);
    return volunteerIds.map((id) => byVolunteer.get(id) ?? []);
  });
}

/** A page of pairings per volunteer, for every volunteer of the batch in one query. */
export function pairingPageLoader(context: PeopleContext, page: PageRequest, includeEnded: boolean) {
  return context.loaders.get<string, ConnectionResult<Pairing>>(
    `pairing.byVolunteer:${includeEnded}:${page.first}:${page.after ?? ""}`,
    async (volunteerIds) => {
      const pages = await context.pairings.pagesByVolunteer(volunteerIds, page, includeEnded, (id) =>
        pairingCountLoader(context, includeEnded).load(id),
      );
      return volunteerIds.map((id) => pages.get(id)!);
    },
  );
}

export function pairingCountLoader(context: PeopleContext, includeEnded: boolean) {
  return context.loaders.get<string, number>(
    `pairing.countByVolunteer:${includeEnded}`,
    async (volunteerIds) => {
      const counts = await context.pairings.countByVolunteer(volunteerIds, includeEnded);
      return volunteerIds.map((id) => counts.get(id) ?? 0);
    },
  );
}

/** The open pairings of every child on a page, in one query. */
export function openPairingsOfStudentLoader(context: PeopleContext) {
  return context.loaders.get<string, Pairing[]>("pairing.openByStudent", async (studentIds) => {
    const byStudent = new Map<string, Pairing[]>(studentIds.map((id) => [id, []]));
    for (const pairing of await context.pairings.openOfStudents(studentIds))
      byStudent.get(pairing.studentId)?.push(pairing);
    return studentIds.map((id) => byStudent.get(id) ?? []);
  });
}
