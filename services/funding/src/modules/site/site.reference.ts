import { Site } from "./site.type.js";

/**
 * `_entities` for Site: the gateway brings ids of homes the sites subgraph knows, and this subgraph
 * answers the money designated to them. Nothing to look up, so no SQL; an unknown id received nothing.
 */
export function resolveSiteReference(reference: { id: string }): Site {
  return Site.of(reference.id);
}
