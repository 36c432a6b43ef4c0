import { BadUserInputError, ConflictError, NotFoundError } from "@lamplight/platform";
import type { AllianceRepository } from "./alliance.repository.js";
import type { AllianceMembership } from "./alliance.type.js";

/** Organisations joining and leaving the alliance: a member once at a time. */
export class AllianceService {
  constructor(private readonly alliance: AllianceRepository) {}

  /**
   * A new membership from a date. One transaction locking the organisation's row, so two joins at
   * once cannot both open a membership: an organisation is a member once at a time.
   */
  join(organisationId: string, joinedOn: Date): Promise<AllianceMembership> {
    return this.alliance.transaction(async (tx) => {
      if (!(await this.alliance.lockOrganisation(tx, organisationId))) {
        throw new NotFoundError("Organisation", organisationId);
      }
      const open = await this.alliance.openMembership(tx, organisationId);
      if (open) {
        throw new ConflictError("This organisation is already a member of the alliance", {
          membershipId: open.id,
        });
      }
      const last = await this.alliance.lastMembership(tx, organisationId);
      if (last?.leftOn && last.leftOn > joinedOn) {
        throw new ConflictError("A new membership cannot start before the last one ended", {
          membershipId: last.id,
        });
      }
      return this.alliance.createMembership(tx, organisationId, joinedOn);
    });
  }

  async leave(id: string, leftOn: Date): Promise<AllianceMembership> {
    const membership = await this.alliance.findMembership(id);
    if (!membership) throw new NotFoundError("AllianceMembership", id);
    if (membership.leftOn) throw new ConflictError("This membership has already ended", {});
    // A range's end before its start is bad input, refused like every other range (BAD_USER_INPUT).
    if (leftOn < membership.joinedOn) {
      throw new BadUserInputError("leftOn must be on or after the membership's joinedOn", {
        field: "leftOn",
      });
    }
    if (!(await this.alliance.endMembership(id, leftOn))) {
      throw new ConflictError("This membership has already ended", {});
    }
    return { ...membership, leftOn };
  }
}
