import { Project } from "./project.type.js";

/** `_entities` for Project: the fields this subgraph adds need only the id, so no SQL here. */
export function resolveProjectReference(reference: { id: string }): Project {
  return Project.of(reference.id);
}
