import { Organisation } from "./organisation.type.js";

/** `_entities` for Organisation: the fields this subgraph adds need only the id, so no SQL here. */
export function resolveOrganisationReference(reference: { id: string }): Organisation {
  return Organisation.of(reference.id);
}
