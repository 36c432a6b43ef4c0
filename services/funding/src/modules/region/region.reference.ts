import { Region } from "./region.type.js";

/** `_entities` for Region: the fields this subgraph adds need only the code, so no SQL here. */
export function resolveRegionReference(reference: { code: string }): Region {
  return Region.of(reference.code);
}
