import { NotFoundError } from "@lamplight/platform";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** A volunteer as campaigns knows them from people's events. */
export interface KnownVolunteer {
  id: string;
  status: string;
  countyCode: string;
  cityCode: string;
}

/** The only reader of the VolunteerReplica table; the volunteer events consumer is its only writer. */
export class VolunteerReplicaRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The volunteer named by `field`, or NOT_FOUND naming the field when people never announced them. */
  async require(id: string, field: string): Promise<KnownVolunteer> {
    const volunteer = await this.prisma.volunteerReplica.findUnique({ where: { id } });
    if (!volunteer) throw new NotFoundError("Volunteer", id, { field });
    return volunteer;
  }
}
