import { getRegion } from "@lamplight/regions";
import { Region } from "./region.type.js";

/** Regions are reference data in memory (packages/regions): no query. A code that is no region is null. */
export function resolveRegionReference(reference: { code: string }): Region | null {
  return getRegion(reference.code) ? Region.of(reference.code) : null;
}
