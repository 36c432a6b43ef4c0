import { getRegion } from "@lamplight/regions";
import { Region } from "./region.type.js";

/** Regions are reference data in memory (packages/regions): no query, no batching needed. */
export function resolveRegionReference(reference: { code: string }): Region | null {
  const record = getRegion(reference.code);
  return record ? Region.from(record) : null;
}
