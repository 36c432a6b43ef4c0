import { type DemoHome, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";

/** The standard as the migration writes it: code, minimum, one of the six ones. */
const STANDARD: readonly (readonly [string, number, boolean])[] = [
  ["TV", 1, true],
  ["COMPUTER", 1, true],
  ["DVD_PLAYER", 1, true],
  ["FAMILY_PHONE", 1, true],
  ["BOOKCASE", 1, true],
  ["SPORTS_SET", 1, true],
  ["BOOKS", 300, false],
  ["DESK", 10, false],
  ["CHAIR", 20, false],
  ["FIRE_EXTINGUISHER", 2, false],
  ["FIRST_AID_KIT", 1, false],
];

/** Share of open homes that hold the whole standard (demonstration homes always do). */
export const COMPLIANT_SHARE = 0.72;

/**
 * What each open or suspended demo home has. About seven in ten hold the whole standard, with
 * some to spare; the others fall short on one to four items (a missing DVD player, too few books).
 */
export function demoInventories(
  homes: readonly DemoHome[],
  seed: number,
): Prisma.InventoryItemCreateManyInput[] {
  return [...inventoryRows(homes, seed)];
}

/** The same inventories, one line at a time. */
export function* inventoryRows(
  homes: readonly DemoHome[],
  seed: number,
): Generator<Prisma.InventoryItemCreateManyInput> {
  const random = new Random(seed + 2);
  for (const home of homes) {
    if (home.status !== "OPEN" && home.status !== "SUSPENDED") continue;
    const compliant = home.demonstration || random.chance(COMPLIANT_SHARE);
    const short = new Set<string>();
    if (!compliant) {
      const misses = random.int(1, 4);
      while (short.size < misses) short.add(random.pick(STANDARD)[0]);
    }
    for (const [itemCode, minimum] of STANDARD) {
      const plenty = minimum === 1 ? random.int(1, 2) : random.int(minimum, Math.round(minimum * 2.5));
      const count = short.has(itemCode) ? random.int(0, minimum - 1) : plenty;
      if (count > 0) yield { siteId: home.id, itemCode, count };
    }
  }
}
