import type { PeopleContext } from "../../context.js";
import type { AllianceMembership } from "./alliance.type.js";

/** The alliance memberships of every organisation on a page, in one query. */
export function membershipsLoader(context: PeopleContext) {
  return context.loaders.get<string, AllianceMembership[]>("alliance.memberships", async (ids) => {
    const byOrganisation = new Map<string, AllianceMembership[]>(ids.map((id) => [id, []]));
    for (const membership of await context.alliance.membershipsOf(ids)) {
      byOrganisation.get(membership.organisationId)?.push(membership);
    }
    return ids.map((id) => byOrganisation.get(id) ?? []);
  });
}
