import type { SitesContext } from "../../context.js";
import { siteLoader } from "./site.loader.js";
import type { Site } from "./site.type.js";

/** `_entities` for Site: batched through the request's loader, one query per batch. */
export function resolveSiteReference(reference: { id: string }, context: SitesContext): Promise<Site | null> {
  return siteLoader(context).load(reference.id);
}
