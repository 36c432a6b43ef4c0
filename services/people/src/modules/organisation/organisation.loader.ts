import { byKeys } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import type { Organisation } from "./organisation.type.js";

/** The request's Organisation-by-id loader: every id asked for in one tick becomes one SQL query. */
export function organisationLoader(context: PeopleContext) {
  return context.loaders.get<string, Organisation | null>("organisation.byId", async (ids) =>
    byKeys(ids, await context.organisations.findByIds(ids), (organisation) => organisation.id),
  );
}
