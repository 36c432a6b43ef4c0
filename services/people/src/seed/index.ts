import { chunks } from "@lamplight/seed-kit";
import type { PrismaClient } from "../generated/prisma/client.js";
import { demoOrganisations } from "./demo-organisations.js";
import { demoStudents } from "./demo-students.js";

/**
 * Loads the demo organisations, children and needs. Idempotent: rows keep their seeded ids, and
 * existing ones are skipped. Batches stay well under PostgreSQL's 65,535 bind parameters.
 */
export async function seedPeople(
  prisma: PrismaClient,
  options: { seed?: number; students?: number } = {},
): Promise<{ organisations: number; students: number; needs: number }> {
  const { count: organisations } = await prisma.organisation.createMany({
    data: demoOrganisations(options.seed),
    skipDuplicates: true,
  });
  const { students, needs } = demoStudents(options.seed, options.students);
  let insertedStudents = 0;
  for (const batch of chunks(students, 1000)) {
    const { count } = await prisma.student.createMany({ data: batch, skipDuplicates: true });
    insertedStudents += count;
  }
  let insertedNeeds = 0;
  for (const batch of chunks(needs, 2000)) {
    const { count } = await prisma.need.createMany({ data: batch, skipDuplicates: true });
    insertedNeeds += count;
  }
  return { organisations, students: insertedStudents, needs: insertedNeeds };
}
