import type { PrismaClient } from "../../generated/prisma/client.js";
import { REQUIRED_TRAINING } from "../pairing/pairing.rules.js";
import type { Volunteer } from "../volunteer/volunteer.type.js";

/** Reads the volunteers who could be paired today: the pool matching ranks. */
export class MatchingRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Active volunteers of a city with a current background check and child-protection training and
   * fewer open pairings than the limit, with their open pairings counted: one query.
   */
  async eligibleInCity(
    cityCode: string,
    today: Date,
    limit: number,
    excludeIds: readonly string[],
  ): Promise<(Volunteer & { openPairings: number })[]> {
    const rows = await this.prisma.volunteer.findMany({
      where: {
        cityCode,
        status: "ACTIVE",
        id: { notIn: [...excludeIds] },
        backgroundCheckExpiresOn: { gte: today },
        trainings: {
          some: {
            topic: REQUIRED_TRAINING,
            completedOn: { lte: today },
            OR: [{ expiresOn: null }, { expiresOn: { gte: today } }],
          },
        },
      },
      include: { _count: { select: { pairings: { where: { endedOn: null } } } } },
    });
    return rows
      .map(({ _count, ...volunteer }) => ({ ...volunteer, openPairings: _count.pairings }))
      .filter((volunteer) => volunteer.openPairings < limit);
  }

  /** The volunteers paired with any of these children now. */
  async pairedWith(studentIds: readonly string[]): Promise<string[]> {
    const rows = await this.prisma.pairing.findMany({
      where: { studentId: { in: [...studentIds] }, endedOn: null },
      select: { volunteerId: true },
    });
    return [...new Set(rows.map((row) => row.volunteerId))];
  }
}
