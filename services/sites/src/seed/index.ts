import { chunks } from "@lamplight/seed-kit";
import type { PrismaClient } from "../generated/prisma/client.js";
import { demoSites } from "./demo-sites.js";

/** Loads the demo homes. Idempotent: rows keep their seeded ids, and existing ones are skipped. */
export async function seedSites(
  prisma: PrismaClient,
  options: { seed?: number } = {},
): Promise<{ sites: number }> {
  const sites = demoSites(options.seed);
  let inserted = 0;
  for (const batch of chunks(sites, 500)) {
    const { count } = await prisma.site.createMany({ data: batch, skipDuplicates: true });
    inserted += count;
  }
  return { sites: inserted };
}
