import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { ConflictError, NotFoundError } from "@lamplight/platform";
import { addDays } from "@lamplight/regions";
import { ONE_OPEN_PAIRING, type PairingRepository } from "./pairing.repository.js";
import { pairingProblems } from "./pairing.rules.js";
import type { Pairing } from "./pairing.type.js";

export interface NewPairing {
  volunteerId: string;
  studentId: string;
  reason: string;
  startedOn: Date;
  checkInEveryDays: number;
}

const alreadyPaired = () =>
  new ConflictError("The volunteer is already paired with this child", { reason: "ALREADY_PAIRED" });

/** Pairing volunteers with children, within the rules (pairing.rules.ts) and the volunteer's limit. */
export class PairingService {
  constructor(private readonly pairings: PairingRepository) {}

  /**
   * Pairs a volunteer with a child, in one transaction that first locks the volunteer's row: two
   * pairings of one volunteer made at the same moment run one after the other, so the second sees
   * the first when it counts open pairings, and the limit holds.
   */
  async create(pairing: NewPairing, options: { limit: number; today: Date }): Promise<Pairing> {
    try {
      return await this.pairings.transaction(async (tx) => {
        const volunteer = await this.pairings.lockVolunteer(tx, pairing.volunteerId, pairing.studentId);
        if (!volunteer) throw new NotFoundError("Volunteer", pairing.volunteerId);
        if (volunteer.pairedWithChild) throw alreadyPaired();
        const problems = pairingProblems(volunteer, options.today, options.limit);
        if (problems.length > 0) {
          throw new ConflictError(problems.map((problem) => problem.message).join("; "), {
            reason: problems[0]!.code,
            reasons: problems.map((problem) => problem.code),
          });
        }
        return this.pairings.create(tx, {
          ...pairing,
          nextCheckInDue: addDays(pairing.startedOn, pairing.checkInEveryDays),
        });
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_OPEN_PAIRING)) throw alreadyPaired();
      throw error;
    }
  }

  /** Ends an open pairing; an ended one stays as it was (CONFLICT). */
  async end(id: string, endedOn: Date, reason: string): Promise<Pairing> {
    const ended = await this.pairings.end(id, endedOn, reason);
    const pairing = await this.pairings.findById(id);
    if (!pairing) throw new NotFoundError("Pairing", id);
    if (!ended) {
      if (pairing.endedOn) throw new ConflictError("This pairing has already ended", { reason: "ENDED" });
      throw new ConflictError("A pairing cannot end before it started", { reason: "END_BEFORE_START" });
    }
    return pairing;
  }
}
