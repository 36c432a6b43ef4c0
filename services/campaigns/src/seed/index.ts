import type { PrismaClient } from "../generated/prisma/client.js";

/** Loads the demo projects, activities and awards. */
export async function seedCampaigns(_prisma: PrismaClient): Promise<Record<string, number>> {
  return {};
}
