import type { PeopleContext } from "../../context.js";
import { organisationLoader } from "./organisation.loader.js";
import type { Organisation } from "./organisation.type.js";

/** `_entities` for Organisation: batched through the request's loader, one query per batch. */
export function resolveOrganisationReference(
  reference: { id: string },
  context: PeopleContext,
): Promise<Organisation | null> {
  return organisationLoader(context).load(reference.id);
}
