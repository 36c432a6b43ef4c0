import type { EquipmentCompliance, EquipmentItem } from "./equipment.type.js";

/** A home's compliance with the standard, from what it has: pure. */
export function complianceOf(
  standard: readonly Pick<EquipmentItem, "code" | "minimumCount" | "sixOnes">[],
  counts: ReadonlyMap<string, number>,
): EquipmentCompliance {
  const missing = standard
    .map((item) => {
      const present = counts.get(item.code) ?? 0;
      return {
        itemCode: item.code,
        required: item.minimumCount,
        present,
        short: Math.max(0, item.minimumCount - present),
        sixOnes: item.sixOnes,
      };
    })
    .filter((entry) => entry.short > 0);
  const met = standard.length - missing.length;
  return {
    compliant: missing.length === 0,
    sixOnes: !missing.some((entry) => entry.sixOnes),
    rate: standard.length ? Math.round((met / standard.length) * 10000) / 10000 : 1,
    missing: missing.map(({ sixOnes: _sixOnes, ...entry }) => entry),
  };
}
