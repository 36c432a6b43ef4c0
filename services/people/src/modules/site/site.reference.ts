import { Site } from "./site.type.js";

/**
 * `_entities` for Site: the gateway brings ids of homes the sites subgraph knows, and this subgraph
 * answers the fields it adds. Nothing to look up, so no SQL; unknown ids simply have no children.
 */
export function resolveSiteReference(reference: { id: string }): Site {
  return Site.of(reference.id);
}
