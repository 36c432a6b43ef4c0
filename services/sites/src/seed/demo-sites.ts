import { type DemoHome, demoHomes } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";

/**
 * The demo province's homes as rows of this subgraph (the generator is shared reference data in
 * @lamplight/seed-kit, so that people's demo children live in these very homes).
 */
export function demoSites(seed?: number): (Prisma.SiteCreateManyInput & DemoHome)[] {
  return demoHomes(seed);
}
