import { Site } from "./site.type.js";

/**
 * `_entities` for Site: the fields this subgraph adds need only the id, so no SQL here; a home
 * this subgraph never heard of simply has no activities and no awards.
 */
export function resolveSiteReference(reference: { id: string }): Site {
  return Site.of(reference.id);
}
