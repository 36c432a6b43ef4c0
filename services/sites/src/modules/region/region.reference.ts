import { getRegion } from "@lamplight/regions";
import { Region } from "./region.type.js";

/** Regions are reference data in memory (packages/regions): no query, no batching needed. */
export function resolveRegionReference(reference: {
  code: string;
  childrenCount?: number | null;
  children?: ({ childrenCount?: number | null } | null)[];
}): Region | null {
  const record = getRegion(reference.code);
  if (!record) return null;
  const region = Region.from(record);
  // Present when the gateway resolves a field that @requires it (people's count, maybe suppressed).
  if (reference.childrenCount !== undefined) region.childrenCount = reference.childrenCount;
  // The regions below, in the order this subgraph's `children` gave them to the gateway.
  if (Array.isArray(reference.children)) {
    region.childCounts = reference.children.map((child) => child?.childrenCount ?? null);
  }
  return region;
}
