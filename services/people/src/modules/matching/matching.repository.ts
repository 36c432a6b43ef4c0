import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { REQUIRED_TRAINING } from "../pairing/pairing.rules.js";
import type { Volunteer, VolunteerSkill } from "../volunteer/volunteer.type.js";

/** How many volunteers matching ranks at most for one child or home. */
export const MAX_CANDIDATES = 500;

/** Reads the volunteers who could be paired today: the pool matching ranks. */
export class MatchingRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Active volunteers of a city with a current background check and child-protection training and
   * fewer open pairings than the limit, with their open pairings counted. With `skills`, only
   * volunteers offering at least one of them. At most MAX_CANDIDATES: those living in the child's
   * county first (one query), then the rest of the city (one more).
   */
  async eligibleInCity(
    cityCode: string,
    regionCode: string,
    skills: readonly VolunteerSkill[],
    today: Date,
    limit: number,
    excludeIds: readonly string[],
  ): Promise<(Volunteer & { openPairings: number })[]> {
    const eligible: Prisma.VolunteerWhereInput = {
      status: "ACTIVE",
      id: { notIn: [...excludeIds] },
      ...(skills.length > 0 ? { skills: { hasSome: [...skills] } } : {}),
      backgroundCheckExpiresOn: { gte: today },
      trainings: {
        some: {
          topic: REQUIRED_TRAINING,
          completedOn: { lte: today },
          OR: [{ expiresOn: null }, { expiresOn: { gte: today } }],
        },
      },
    };
    const read = async (where: Prisma.VolunteerWhereInput, take: number) => {
      if (take <= 0) return [];
      const rows = await this.prisma.volunteer.findMany({
        where: { AND: [eligible, where] },
        include: { _count: { select: { pairings: { where: { endedOn: null } } } } },
        orderBy: { id: "asc" },
        take: take * 2,
      });
      return rows
        .map(({ _count, ...volunteer }) => ({ ...volunteer, openPairings: _count.pairings }))
        .filter((volunteer) => volunteer.openPairings < limit)
        .slice(0, take);
    };
    const county = await read({ regionCode }, MAX_CANDIDATES);
    const city = await read({ cityCode, regionCode: { not: regionCode } }, MAX_CANDIDATES - county.length);
    return [...county, ...city];
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
