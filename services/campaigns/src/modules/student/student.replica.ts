import { NotFoundError } from "@lamplight/platform";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** A child as campaigns knows them from people's events: their home and county, nothing more. */
export interface KnownStudent {
  id: string;
  siteId: string | null;
  countyCode: string;
  cityCode: string;
  consentStatistics: boolean;
}

/** The only reader of the StudentReplica table; the student events consumer is its only writer. */
export class StudentReplicaRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The child named by `field`, or NOT_FOUND naming the field when people never announced them. */
  async require(id: string, field: string): Promise<KnownStudent> {
    const student = await this.prisma.studentReplica.findUnique({ where: { id } });
    if (!student) throw new NotFoundError("Student", id, { field });
    return student;
  }
}
