import type { PageRequest } from "@lamplight/subgraph-kit";
import { type ConnectionResult } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import type { CareRecord } from "./care.type.js";

/** A page of care records per child (all, or one volunteer's), for every child of the batch in one query. */
export function careRecordPageLoader(context: PeopleContext, page: PageRequest, byVolunteer: string | null) {
  return context.loaders.get<string, ConnectionResult<CareRecord>>(
    `care.byStudent:${byVolunteer ?? ""}:${page.first}:${page.after ?? ""}`,
    async (studentIds) => {
      const pages = await context.care.pagesByStudent(studentIds, page, byVolunteer, (id) =>
        careRecordCountLoader(context, byVolunteer).load(id),
      );
      return studentIds.map((id) => pages.get(id)!);
    },
  );
}

export function careRecordCountLoader(context: PeopleContext, byVolunteer: string | null) {
  return context.loaders.get<string, number>(`care.countByStudent:${byVolunteer ?? ""}`, async (ids) => {
    const counts = await context.care.countByStudent(ids, byVolunteer);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** A page of check-ins per pairing, for every pairing of the batch in one query. */
export function checkInPageLoader(context: PeopleContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<CareRecord>>(
    `care.byPairing:${page.first}:${page.after ?? ""}`,
    async (pairingIds) => {
      const pages = await context.care.pagesByPairing(pairingIds, page, (id) =>
        checkInCountLoader(context).load(id),
      );
      return pairingIds.map((id) => pages.get(id)!);
    },
  );
}

export function checkInCountLoader(context: PeopleContext) {
  return context.loaders.get<string, number>("care.countByPairing", async (ids) => {
    const counts = await context.care.countByPairing(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
