import type { CampaignsContext } from "../../context.js";
import { projectLoader } from "./project.loader.js";
import type { Project } from "./project.type.js";

/** `_entities` for Project: batched through the request's loader, one query per batch. */
export function resolveProjectReference(
  reference: { id: string },
  context: CampaignsContext,
): Promise<Project | null> {
  return projectLoader(context).load(reference.id);
}
