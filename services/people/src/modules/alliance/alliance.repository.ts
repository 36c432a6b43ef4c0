import { BadUserInputError, ConflictError, NotFoundError } from "@lamplight/platform";
import { isUuid } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { AllianceMembership } from "./alliance.type.js";

/** The only code that touches AllianceMembership. */
export class AllianceRepository {
  constructor(private readonly prisma: PrismaClient) {}

  membershipsOf(organisationIds: readonly string[]): Promise<AllianceMembership[]> {
    const valid = organisationIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.allianceMembership.findMany({
      where: { organisationId: { in: valid } },
      orderBy: [{ organisationId: "asc" }, { joinedOn: "desc" }, { id: "asc" }],
    });
  }

  /**
   * A new membership from a date. One transaction locking the organisation's row, so two joins at
   * once cannot both open a membership: an organisation is a member once at a time.
   */
  join(organisationId: string, joinedOn: Date): Promise<AllianceMembership> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError("Organisation", organisationId);
      const open = await tx.allianceMembership.findFirst({ where: { organisationId, leftOn: null } });
      if (open)
        throw new ConflictError("This organisation is already a member of the alliance", {
          membershipId: open.id,
        });
      const last = await tx.allianceMembership.findFirst({
        where: { organisationId },
        orderBy: { leftOn: "desc" },
      });
      if (last?.leftOn && last.leftOn > joinedOn) {
        throw new ConflictError("A new membership cannot start before the last one ended", {
          membershipId: last.id,
        });
      }
      return tx.allianceMembership.create({ data: { organisationId, joinedOn } });
    });
  }

  async leave(id: string, leftOn: Date): Promise<AllianceMembership> {
    const membership = await this.prisma.allianceMembership.findUnique({ where: { id } });
    if (!membership) throw new NotFoundError("AllianceMembership", id);
    if (membership.leftOn) throw new ConflictError("This membership has already ended", {});
    // A range's end before its start is bad input, refused like every other range (BAD_USER_INPUT).
    if (leftOn < membership.joinedOn) {
      throw new BadUserInputError("leftOn must be on or after the membership's joinedOn", {
        field: "leftOn",
      });
    }
    const { count } = await this.prisma.allianceMembership.updateMany({
      where: { id, leftOn: null },
      data: { leftOn },
    });
    if (count === 0) throw new ConflictError("This membership has already ended", {});
    return { ...membership, leftOn };
  }
}
